package cn.unionaid.policy;

/** One person's entitlement in a run, with the inputs it was computed from and the explanation. */
public record EntitlementView(long subjectId, String name, String regionCode, String grouping, String employment,
        String incomeYuan, boolean inRegister, String costYuan, Decision decision, String amountYuan,
        String reasonCode, String explanation) {

    /** 在职 / 离退休, as a page says it. */
    public String employmentLabel() {
        return employment == null ? "" : cn.unionaid.registry.Employment.valueOf(employment).label();
    }
}
