package cn.unionaid.registry;

import cn.unionaid.shared.Labelled;

/** Lifecycle events of an archive. History is appended, never overwritten. */
public enum EventKind implements Labelled {
    OPENED("建档"),
    REVIEWED("复核"),
    UPDATED("信息变更"),
    CORRECTED("更正信息"),
    MOVED_IN("迁入"),
    MOVED_OUT("迁出"),
    RETIRED("退休"),
    DECEASED("死亡"),
    HONOUR_REVOKED("撤销荣誉"),
    LIFTED("脱困"),
    CLOSED("注销");

    private final String label;

    EventKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
