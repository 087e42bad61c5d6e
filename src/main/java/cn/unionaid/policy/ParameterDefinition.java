package cn.unionaid.policy;

/** A named standard (标准) whose values are versioned by region and date. */
public record ParameterDefinition(String key, String name, ParameterUnit unit) {
}
