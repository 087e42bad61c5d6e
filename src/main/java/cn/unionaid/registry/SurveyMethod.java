package cn.unionaid.registry;

import cn.unionaid.shared.Labelled;

/** How a living-status survey (生活状况摸底) was made. */
public enum SurveyMethod implements Labelled {
    PHONE("电话"),
    VISIT("上门"),
    EMPLOYER("单位"),
    /** 自助认证: the person or a relative confirmed through their personal link. */
    SELF("自助认证");

    private final String label;

    SurveyMethod(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
