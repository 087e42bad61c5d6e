package cn.unionaid.evaluation;

import java.math.BigDecimal;

/** 优 ≥ 90, 良 80–89, 中 60–79, 差 < 60 by default; the thresholds are configurable. */
public record GradeBands(BigDecimal excellent, BigDecimal good, BigDecimal fair) {

    public static final GradeBands DEFAULT = new GradeBands(BigDecimal.valueOf(90), BigDecimal.valueOf(80),
            BigDecimal.valueOf(60));

    public String grade(BigDecimal total) {
        if (total.compareTo(excellent) >= 0) {
            return "优";
        }
        if (total.compareTo(good) >= 0) {
            return "良";
        }
        return total.compareTo(fair) >= 0 ? "中" : "差";
    }
}
