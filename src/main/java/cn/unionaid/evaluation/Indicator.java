package cn.unionaid.evaluation;

import java.math.BigDecimal;
import java.util.List;

/**
 * A node of an indicator system (指标体系): a level-1, -2 or -3 indicator with its weight; a leaf also has its
 * target, unit, direction, scoring method, where its actual comes from ({@code metric}, or a manual entry when
 * null) and, for the deduction method, its bands.
 */
public record Indicator(String code, String name, int level, BigDecimal weight, BigDecimal target, String unit,
        Direction direction, ScoringMethod method, Metric metric, DeductionBands bands, List<Indicator> children) {

    public Indicator {
        children = children == null ? List.of() : List.copyOf(children);
        bands = bands == null ? DeductionBands.NONE : bands;
    }

    public static Indicator group(String code, String name, int level, int weight, List<Indicator> children) {
        return new Indicator(code, name, level, BigDecimal.valueOf(weight), null, null, null, null, null, null, children);
    }

    /** A leaf scored by formula against its target (forward for ≥, reverse for ≤, qualitative in bands). */
    public static Indicator leaf(String code, String name, int weight, BigDecimal target, String unit,
            ScoringMethod method, Metric metric) {
        Direction direction = switch (method) {
            case REVERSE -> Direction.AT_MOST;
            case QUALITATIVE -> Direction.QUALITATIVE;
            default -> Direction.AT_LEAST;
        };
        return new Indicator(code, name, 3, BigDecimal.valueOf(weight), target, unit, direction, method, metric, null, List.of());
    }

    /** A leaf that starts at its weight and loses what its bands and the recorded deductions take. */
    public static Indicator deductions(String code, String name, int weight, Metric metric, String bands) {
        return new Indicator(code, name, 3, BigDecimal.valueOf(weight), null, metric == null ? null : metric.unit(),
                Direction.AT_LEAST, ScoringMethod.DEDUCTIONS, metric, DeductionBands.parse(bands), List.of());
    }

    public boolean isLeaf() {
        return method != null;
    }

    /** The node of this tree with the code, if any. */
    public java.util.Optional<Indicator> find(String wanted) {
        if (code.equals(wanted)) {
            return java.util.Optional.of(this);
        }
        return children.stream().map(c -> c.find(wanted)).flatMap(java.util.Optional::stream).findFirst();
    }

    /** The same node with its target replaced (a declared or adjusted 绩效目标). */
    public Indicator withTarget(BigDecimal newTarget) {
        return new Indicator(code, name, level, weight, newTarget, unit, direction, method, metric, bands, children);
    }

    /** A group's weight is the sum of its children's. */
    public Indicator withChildren(List<Indicator> newChildren) {
        BigDecimal sum = newChildren.stream().map(Indicator::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Indicator(code, name, level, sum, target, unit, direction, method, metric, bands, newChildren);
    }
}
