package cn.unionaid.evaluation;

import java.math.BigDecimal;
import java.util.List;

/**
 * A node of an indicator system (指标体系): a level-1, -2 or -3 indicator with its weight; a leaf also has its
 * target, unit and scoring method.
 */
public record Indicator(String code, String name, int level, BigDecimal weight, BigDecimal target, String unit,
        ScoringMethod method, List<Indicator> children) {

    public Indicator {
        children = children == null ? List.of() : List.copyOf(children);
    }

    public static Indicator group(String code, String name, int level, int weight, List<Indicator> children) {
        return new Indicator(code, name, level, BigDecimal.valueOf(weight), null, null, null, children);
    }

    public static Indicator leaf(String code, String name, int weight, BigDecimal target, String unit,
            ScoringMethod method) {
        return new Indicator(code, name, 3, BigDecimal.valueOf(weight), target, unit, method, List.of());
    }

    public boolean isLeaf() {
        return children.isEmpty();
    }
}
