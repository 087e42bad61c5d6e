package cn.unionaid.audit;

import java.util.Map;

/**
 * Records an entry in the audit log inside the caller's transaction: if the change rolls back, so does its
 * entry. The actor, organisation, request id and client address come from the current request.
 */
public interface AuditLog {

    /**
     * @param action     what happened, a stable code such as {@code org.created}; shown through the message
     *                   bundle key {@code audit.action.<code>}
     * @param entityType the kind of thing it happened to
     * @param entityId   which one
     * @param detail     what changed (no personal data in clear)
     */
    void record(String action, String entityType, Object entityId, Map<String, ?> detail);

    /** For events with no signed-in user yet, such as a failed login: the actor is named explicitly. */
    void recordAs(String actor, Long orgId, String action, String entityType, Object entityId, Map<String, ?> detail);
}
