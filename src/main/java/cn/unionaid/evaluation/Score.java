package cn.unionaid.evaluation;

import java.math.BigDecimal;
import java.util.List;

/** An indicator's score: what it could get, what it got, and every deduction with its reason. */
public record Score(String code, String name, int level, BigDecimal weight, BigDecimal score, List<Deduction> deductions,
        List<Score> children) {

    public BigDecimal deducted() {
        return weight.subtract(score);
    }
}
