package cn.unionaid.evaluation;

import cn.unionaid.shared.Labelled;

/** Which way a leaf's actual should go against its target (指标方向). */
public enum Direction implements Labelled {
    AT_LEAST("≥"),
    AT_MOST("≤"),
    EQUAL("="),
    QUALITATIVE("定性");

    private final String label;

    Direction(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
