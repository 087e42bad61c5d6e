package cn.unionaid.audit;

import java.time.LocalDate;

/** Filters for searching the log; each may be null. */
public record AuditSearch(String actor, String action, String entityType, String entityId, LocalDate from, LocalDate to) {
}
