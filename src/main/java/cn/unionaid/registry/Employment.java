package cn.unionaid.registry;

import cn.unionaid.shared.Labelled;

/** 在职状态. */
public enum Employment implements Labelled {
    IN_SERVICE("在职"),
    RETIRED("离退休");

    private final String label;

    Employment(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
