package cn.unionaid.registry;

import cn.unionaid.shared.Labelled;

/** 与户主关系. */
public enum Relation implements Labelled {
    HEAD("户主"),
    SPOUSE("配偶"),
    CHILD("子女"),
    PARENT("父母"),
    OTHER("其他");

    private final String label;

    Relation(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
