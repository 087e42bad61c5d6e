package cn.unionaid.registry;

/**
 * The one definition of an archive being on file (在档) on a date, from its dated events: opened (建档) on or before
 * it, and not taken off the register by then — a model worker by 死亡, 撤销荣誉 or 注销, a household by 脱困 or 注销.
 * A run's 在册 condition reads it; the year's coverage reads the same definition kept as counts by day as archives open,
 * close and move ({@link OnFileCounts}, V32), which the nightly check compares with it.
 */
public final class OnFile {

    private OnFile() {
    }

    /** The event kinds that take an archive of this type off the register, as an SQL list. */
    public static String endingKinds(SubjectType type) {
        return type == SubjectType.MODEL_WORKER ? "'DECEASED', 'HONOUR_REVOKED', 'CLOSED'" : "'LIFTED', 'CLOSED'";
    }

    /** The SQL condition on the archive aliased {@code alias}, on the date bound to the named parameter {@code date}. */
    public static String asOf(SubjectType type, String alias, String date) {
        return """
                exists (select 1 from registry.registry_event e where e.subject_type = '%1$s' and e.subject_id = %2$s.id
                           and e.kind = 'OPENED' and e.event_date <= :%4$s)
                and not exists (select 1 from registry.registry_event e where e.subject_type = '%1$s' and e.subject_id = %2$s.id
                           and e.kind in (%3$s) and e.event_date <= :%4$s)""".formatted(type.name(), alias,
                endingKinds(type), date);
    }
}
