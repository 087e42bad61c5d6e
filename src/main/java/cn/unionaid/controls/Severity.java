package cn.unionaid.controls;

import cn.unionaid.shared.Labelled;

public enum Severity implements Labelled {
    HIGH("高"),
    MEDIUM("中"),
    LOW("低");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
