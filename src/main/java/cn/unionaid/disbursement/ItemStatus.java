package cn.unionaid.disbursement;

import cn.unionaid.shared.Labelled;

/** Where one payment stands. */
public enum ItemStatus implements Labelled {
    PENDING("待支付"),
    EXCLUDED("已剔除"),
    PAID("已支付"),
    FAILED("支付失败"),
    RETURNED("已退回"),
    REISSUED("已重发"),
    REFUNDED("已退还资金来源");

    private final String label;

    ItemStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
