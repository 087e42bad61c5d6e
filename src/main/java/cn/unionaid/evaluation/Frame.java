package cn.unionaid.evaluation;

import cn.unionaid.shared.Labelled;

/** The two evaluation frames a union works in: its own self-evaluation and a third party's evaluation. */
public enum Frame implements Labelled {
    SELF("绩效自评"),
    THIRD_PARTY("第三方绩效评价");

    private final String label;

    Frame(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
