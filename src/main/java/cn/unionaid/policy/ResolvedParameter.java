package cn.unionaid.policy;

import java.time.LocalDate;

/** The parameter version that applies to a region on a date, and where it was found. */
public record ResolvedParameter(String key, String name, ParameterUnit unit, long value, String regionCode,
        LocalDate effectiveFrom, String documentRef, long versionId, boolean approved) {

    public String formatted() {
        return unit.format(value);
    }

    /** 4500.00 元（益政发〔2023〕1号，430900 起 2023-01-01） — what the explanations cite. */
    public String cited() {
        return formatted() + "（" + documentRef + "，" + (regionCode == null ? "全国" : regionCode) + "，" + effectiveFrom + " 起）";
    }
}
