package cn.unionaid.policy;

import cn.unionaid.shared.Labelled;

/** What a run decided for one person. */
public enum Decision implements Labelled {
    ELIGIBLE("应发"),
    INELIGIBLE("不符合条件"),
    CAPPED("封顶发放"),
    CUT("因限额未纳入");

    private final String label;

    Decision(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    public boolean pays() {
        return this == ELIGIBLE || this == CAPPED;
    }
}
