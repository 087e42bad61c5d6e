package cn.unionaid.crosscheck;

import cn.unionaid.shared.Labelled;

/** Where a hit stands: open, explained (waiting for a second person), accepted, or resolved by removing the payment. */
public enum HitStatus implements Labelled {
    OPEN("待处理"),
    EXPLAINED("已说明待认可"),
    ACCEPTED("说明已认可"),
    REMOVED("已剔除");

    private final String label;

    HitStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** Open and explained hits still hold a payment back. */
    public boolean holds() {
        return this == OPEN || this == EXPLAINED;
    }
}
