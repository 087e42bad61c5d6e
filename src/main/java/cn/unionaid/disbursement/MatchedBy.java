package cn.unionaid.disbursement;

import cn.unionaid.shared.Labelled;

/** How a line of the bank's statement was matched to its payment (匹配方式). */
enum MatchedBy implements Labelled {
    REFERENCE("按业务参考号"),
    CARD_AMOUNT_NAME("按卡号、金额和户名"),
    HAND("人工匹配");

    private final String label;

    MatchedBy(String label) {
        this.label = label;
    }

    /** The label of a stored way of matching; none for a line no payment claims. */
    static String labelOf(String stored) {
        return stored == null ? "未匹配" : valueOf(stored).label();
    }

    @Override
    public String label() {
        return label;
    }
}
