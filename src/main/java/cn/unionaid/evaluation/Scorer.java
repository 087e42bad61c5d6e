package cn.unionaid.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Scores an indicator tree: each leaf from its actual (forward, reverse or qualitative) or from its deductions,
 * each group as the sum of its children; every point lost carries its reason. Pure: the same inputs give the
 * same scores.
 */
public final class Scorer {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /**
     * @param actuals    leaf code → actual value (a percentage for qualitative leaves)
     * @param deductions deductions recorded against leaves (by the evaluator, or from control findings and surveys)
     */
    public record Inputs(Map<String, BigDecimal> actuals, List<Deduction> deductions, Map<String, Override> overrides,
            Map<String, BigDecimal> targets) {

        public Inputs(Map<String, BigDecimal> actuals, List<Deduction> deductions) {
            this(actuals, deductions, Map.of(), Map.of());
        }

        public Inputs(Map<String, BigDecimal> actuals, List<Deduction> deductions, Map<String, Override> overrides) {
            this(actuals, deductions, overrides, Map.of());
        }
    }

    /** An evaluator's score for a leaf, replacing the computed one, with the reason that must go with it. */
    public record Override(BigDecimal score, String reason) {
    }

    public Score score(Indicator node, Inputs in) {
        if (node.isLeaf()) {
            return leaf(node, in);
        }
        List<Score> children = node.children().stream().map(c -> score(c, in)).toList();
        BigDecimal total = children.stream().map(Score::score).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<Deduction> all = new ArrayList<>();
        children.forEach(c -> all.addAll(c.deductions()));
        return new Score(node.code(), node.name(), node.level(), node.weight(), total, all, children, false);
    }

    private Score leaf(Indicator declared, Inputs in) {
        BigDecimal target = in.targets().get(declared.code());
        Indicator leaf = target == null ? declared : declared.withTarget(target);
        List<Deduction> deductions = new ArrayList<>();
        BigDecimal score = leaf.weight();
        BigDecimal actual = in.actuals().get(leaf.code());
        String missing = missing(leaf, actual);
        boolean unscored = missing != null;
        if (unscored) {
            deductions.add(new Deduction(leaf.code(), score, leaf.name() + missing + "，不得分（扣" + plain(score) + "分）"));
            score = BigDecimal.ZERO;
        } else if (actual != null && leaf.method() == ScoringMethod.DEDUCTIONS && (hasTarget(leaf) || "%".equals(leaf.unit()))) {
            BigDecimal completion = hasTarget(leaf) ? actual.multiply(HUNDRED).divide(leaf.target(), 2, RoundingMode.HALF_UP)
                    : actual;
            var band = leaf.bands().match(completion);
            if (band.isPresent()) {
                BigDecimal lost = band.get().points().min(score);
                deductions.add(new Deduction(leaf.code(), lost, hasTarget(leaf)
                        ? "“" + leaf.name() + "”" + plain(actual) + unit(leaf) + "，低于绩效目标设定数" + plain(band.get().below())
                                + "%，扣" + plain(lost) + "分"
                        : leaf.name() + plain(actual) + unit(leaf) + "，扣" + plain(lost) + "分"));
                score = score.subtract(lost);
            }
        } else if (actual != null) {
            BigDecimal byFormula = switch (leaf.method()) {
                case FORWARD -> leaf.direction() == Direction.EQUAL ? equalShare(leaf, actual)
                        : leaf.weight().multiply(actual).divide(leaf.target(), 2, RoundingMode.HALF_UP);
                case REVERSE -> actual.signum() == 0 ? leaf.weight()
                        : leaf.weight().multiply(leaf.target()).divide(actual, 2, RoundingMode.HALF_UP);
                case QUALITATIVE -> leaf.weight().multiply(actual).divide(HUNDRED, 2, RoundingMode.HALF_UP);
                case DEDUCTIONS -> leaf.weight();
            };
            byFormula = byFormula.min(leaf.weight()).max(BigDecimal.ZERO);
            if (byFormula.compareTo(leaf.weight()) < 0) {
                BigDecimal lost = leaf.weight().subtract(byFormula);
                String basis = leaf.method() == ScoringMethod.QUALITATIVE ? "评定为" + plain(actual) + "%"
                        : plain(actual) + unit(leaf) + "，目标" + leaf.direction().label() + plain(leaf.target()) + unit(leaf);
                deductions.add(new Deduction(leaf.code(), lost, leaf.name() + basis + "，扣" + plain(lost) + "分"));
                score = byFormula;
            }
        }
        for (Deduction d : in.deductions()) {
            if (d.indicatorCode().equals(leaf.code())) {
                deductions.add(d);
                score = score.subtract(d.points());
            }
        }
        score = score.max(BigDecimal.ZERO);
        Override override = in.overrides().get(leaf.code());
        if (override != null) {
            BigDecimal value = override.score().min(leaf.weight()).max(BigDecimal.ZERO);
            deductions.add(new Deduction(leaf.code(), score.subtract(value), "评价人将" + leaf.name() + "由" + plain(score)
                    + "分调整为" + plain(value) + "分：" + override.reason()));
            score = value;
            unscored = false;
        }
        return new Score(leaf.code(), leaf.name(), leaf.level(), leaf.weight(), score, deductions, List.of(), unscored);
    }

    /**
     * Why a leaf cannot be scored (无数据不得分), or null: a measured leaf (one with a metric or a unit; a leaf scored
     * by deductions alone needs neither) without an actual, or without the target its scoring needs (a rate scored by
     * deductions is measured against 100 %, a qualitative leaf against its own scale).
     */
    private static String missing(Indicator leaf, BigDecimal actual) {
        boolean measured = leaf.method() != ScoringMethod.DEDUCTIONS || leaf.metric() != null
                || (leaf.unit() != null && !leaf.unit().isBlank());
        if (!measured) {
            return null;
        }
        if (actual == null) {
            return "无实际值（无数据或未填报）";
        }
        boolean needsTarget = leaf.method() != ScoringMethod.QUALITATIVE
                && !(leaf.method() == ScoringMethod.DEDUCTIONS && "%".equals(leaf.unit()));
        return needsTarget && !hasTarget(leaf) ? "未设定目标值" : null;
    }

    private static boolean hasTarget(Indicator leaf) {
        return leaf.target() != null && leaf.target().signum() > 0;
    }

    /** For "=": the weight times the smaller of actual and target over the larger. */
    private static BigDecimal equalShare(Indicator leaf, BigDecimal actual) {
        BigDecimal hi = actual.max(leaf.target());
        return hi.signum() == 0 ? leaf.weight()
                : leaf.weight().multiply(actual.min(leaf.target())).divide(hi, 2, RoundingMode.HALF_UP);
    }

    private static String unit(Indicator leaf) {
        return leaf.unit() == null ? "" : leaf.unit();
    }

    static String plain(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }
}
