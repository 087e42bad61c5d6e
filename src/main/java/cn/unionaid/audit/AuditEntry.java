package cn.unionaid.audit;

import java.time.Instant;

/** One row of the audit log as it is shown and exported. */
public record AuditEntry(long id, Instant occurredAt, String actor, Long orgId, String action, String entityType,
        String entityId, String detail, String requestId, String clientAddress) {
}
