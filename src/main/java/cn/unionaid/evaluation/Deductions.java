package cn.unionaid.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The deduction rules evaluators apply to recorded facts, each writing the reason as the reports do. */
public final class Deductions {

    private Deductions() {
    }

    /** 资金到位率: below 60 % loses 4 points, below 80 % 2, below 100 % 1 (seed 002: 44.11 %, 扣4分). */
    public static Deduction fundingRate(String indicator, long receivedFen, long budgetFen) {
        BigDecimal rate = budgetFen == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(receivedFen * 100).divide(BigDecimal.valueOf(budgetFen), 2, RoundingMode.HALF_UP);
        int points = rate.compareTo(BigDecimal.valueOf(60)) < 0 ? 4 : rate.compareTo(BigDecimal.valueOf(80)) < 0 ? 2
                : rate.compareTo(BigDecimal.valueOf(100)) < 0 ? 1 : 0;
        return new Deduction(indicator, BigDecimal.valueOf(points), "资金到位率" + rate.toPlainString() + "%，扣" + points + "分");
    }

    /** An output below 80 % of its declared target loses the points given (seed 002: 扣4分). */
    public static Deduction belowTarget(String indicator, String what, long actual, long target, int points) {
        boolean below = actual * 100 < target * 80L;
        return new Deduction(indicator, BigDecimal.valueOf(below ? points : 0),
                "“" + what + "”" + (below ? "低于绩效目标设定数80%，扣" + points + "分" : "达到目标"));
    }

    /** A control finding the evaluator counts against an indicator (seed 002: 拨付了劳模协会工作经费10万元，扣2分). */
    public static Deduction fromFinding(String indicator, String finding, int points) {
        return new Deduction(indicator, BigDecimal.valueOf(points), finding + "，扣" + points + "分");
    }

    /** The evaluator's own judgement, with its mandatory reason. */
    public static Deduction judged(String indicator, String reason, int points) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a deduction needs its reason");
        }
        return new Deduction(indicator, BigDecimal.valueOf(points), reason.strip() + "，扣" + points + "分");
    }
}
