package cn.unionaid.registry;

import cn.unionaid.shared.Labelled;

/** What an event, a piece of evidence or a survey is about. */
public enum SubjectType implements Labelled {
    MODEL_WORKER("劳模"),
    HOUSEHOLD("困难家庭");

    private final String label;

    SubjectType(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
