package cn.unionaid.evaluation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * An indicator's score: what it could get, what it got, and every deduction with its reason. A leaf is
 * {@code unscored} when it had no actual or, where it needs one, no target: it then scores 0 and says so (无数据不得分).
 */
public record Score(String code, String name, int level, BigDecimal weight, BigDecimal score, List<Deduction> deductions,
        List<Score> children, boolean unscored) {

    public BigDecimal deducted() {
        return weight.subtract(score);
    }

    /** The leaves below (or this one) that scored nothing for lack of data or target. */
    public List<Score> unscoredLeaves() {
        List<Score> found = new ArrayList<>();
        if (unscored) {
            found.add(this);
        }
        children.forEach(c -> found.addAll(c.unscoredLeaves()));
        return found;
    }
}
