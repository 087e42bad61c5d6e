package cn.unionaid.funds;

import cn.unionaid.shared.Labelled;

/** What a ledger entry records. Amounts are always positive; the kind says which balance it moves. */
public enum LedgerKind implements Labelled {
    RECEIPT("到位"),
    ALLOCATION_IN("上级下拨"),
    ALLOCATION_OUT("下拨下级"),
    RESERVE("审批占用"),
    RELEASE("释放占用"),
    PAYMENT("支付"),
    RETURN("退回"),
    REFUND("退还资金来源"),
    CARRY_OVER("结转");

    private final String label;

    LedgerKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
