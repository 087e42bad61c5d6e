package cn.unionaid.shared;

/** 资金来源: each is a separate ledger (专账), never bound together with another. */
public enum FundSource implements Labelled {
    ACFTU_CENTRAL("全总/央财"),
    PROVINCIAL_UNION("省总"),
    PROVINCIAL_FINANCE("省财"),
    CITY_FINANCE("市财"),
    SAME_LEVEL("本级配套"),
    DONATION("社会捐赠");

    private final String label;

    FundSource(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
