package cn.unionaid.disbursement;

import cn.unionaid.shared.Labelled;

/** What the bank says became of one payment. */
enum StatementOutcome implements Labelled {
    PAID("支付成功"),
    FAILED("支付失败"),
    RETURNED("退回");

    private final String label;

    StatementOutcome(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
