package cn.unionaid.evaluation;

import cn.unionaid.shared.Labelled;

/** How a leaf indicator turns its actual into a score. */
public enum ScoringMethod implements Labelled {
    /** weight × actual / target, capped at the weight. */
    FORWARD("正向比例"),
    /** weight × target / actual, capped at the weight. */
    REVERSE("反向比例"),
    /** The evaluator's judgement as a share of the weight, in bands 100–80 %, 80–50 %, 50–0 %. */
    QUALITATIVE("定性分档"),
    /** The weight less listed deductions, each with its condition and reason. */
    DEDUCTIONS("扣分制");

    private final String label;

    ScoringMethod(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
