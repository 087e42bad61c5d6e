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

    /** SQL that says the source held in {@code column} by its label (for texts written by a query). */
    public static String sqlLabel(String column) {
        StringBuilder sql = new StringBuilder("case ").append(column);
        for (FundSource s : values()) {
            sql.append(" when '").append(s.name()).append("' then '").append(s.label).append('\'');
        }
        return sql.append(" else ").append(column).append(" end").toString();
    }
}
