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
        // The evaluator may already have written the points (…扣1分): they are said once, never 扣1分，扣1分.
        String text = reason.strip().replaceAll("[，,；;。\\s]*扣\\s*[0-9.]+\\s*分[。；;]?$", "");
        return new Deduction(indicator, points, (text.isEmpty() ? "评价人扣分" : text) + "，扣" + Scorer.plain(points) + "分");
    }
}
