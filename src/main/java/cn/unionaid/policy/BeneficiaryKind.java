package cn.unionaid.policy;

import cn.unionaid.shared.Labelled;

/** Who a program pays. */
public enum BeneficiaryKind implements Labelled {
    MODEL_WORKER("劳模"),
    HOUSEHOLD("困难职工家庭");

    private final String label;

    BeneficiaryKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
