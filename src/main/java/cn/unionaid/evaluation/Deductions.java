package cn.unionaid.evaluation;

import java.math.BigDecimal;

/**
 * Deductions an evaluator records against a leaf, each with the reason as the reports write it. Deductions that
 * follow from a measured actual (资金到位率44.11%，扣4分) come from the leaf's {@link DeductionBands} instead.
 */
public final class Deductions {

    private Deductions() {
    }

    /**
     * The evaluator's judgement, with its mandatory reason — their own, or a control finding's detail (seed 002:
     * 拨付了劳模协会工作经费10万元，扣2分).
     */
    public static Deduction judged(String indicator, String reason, BigDecimal points) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a deduction needs its reason");
        }
        return new Deduction(indicator, points, reason.strip() + "，扣" + Scorer.plain(points) + "分");
    }
}
