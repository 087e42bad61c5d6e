package cn.unionaid.evaluation;

import java.math.BigDecimal;

/**
 * 优 ≥ 90, 良 80–89, 中 60–79, 差 < 60 by default; the thresholds are configurable
 * ({@code unionaid.evaluation.grade-bands=90,80,60}).
 */
public record GradeBands(BigDecimal excellent, BigDecimal good, BigDecimal fair) {

    /** The grade of a union-year with nothing to evaluate (no budget, receipt or payment): none, never 差. */
    public static final String NOT_GRADED = "不评级";

    public static final GradeBands DEFAULT = new GradeBands(BigDecimal.valueOf(90), BigDecimal.valueOf(80),
            BigDecimal.valueOf(60));

    public GradeBands {
        if (excellent.compareTo(good) <= 0 || good.compareTo(fair) <= 0 || fair.signum() < 0) {
            throw new IllegalArgumentException("grade bands must fall: 优 > 良 > 中 >= 0");
        }
    }

    /** Three falling thresholds, e.g. {@code 90,80,60}. */
    public static GradeBands parse(String text) {
        String[] parts = text.split(",");
        if (parts.length != 3) {
            throw new IllegalArgumentException("grade bands are three thresholds, e.g. 90,80,60: " + text);
        }
        return new GradeBands(new BigDecimal(parts[0].strip()), new BigDecimal(parts[1].strip()),
                new BigDecimal(parts[2].strip()));
    }

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
