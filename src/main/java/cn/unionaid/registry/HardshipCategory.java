package cn.unionaid.registry;

import cn.unionaid.shared.Labelled;

/** 困难类别. */
public enum HardshipCategory implements Labelled {
    DEEP("深度困难"),
    RELATIVE("相对困难"),
    ACCIDENT("意外致困");

    private final String label;

    HardshipCategory(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
