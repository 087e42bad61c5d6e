package cn.unionaid.registry;

import java.time.LocalDate;

/**
 * A lifecycle event a person asks to record.
 *
 * @param kind       which event
 * @param date       when it happened (not in the future, not before the archive was opened)
 * @param reason     why, in words; required
 * @param evidenceId an uploaded piece of evidence, optional
 * @param toOrgId    for a transfer (迁出/迁入): the union that takes the archive
 */
public record LifecycleChange(EventKind kind, LocalDate date, String reason, Long evidenceId, Long toOrgId) {
}
