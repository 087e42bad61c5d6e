package cn.unionaid.audit.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;

import cn.unionaid.audit.AuditLog;
import cn.unionaid.platform.AuthenticatedUser;
import cn.unionaid.platform.CurrentUser;
import cn.unionaid.platform.RequestContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends to the audit log. Appends are serialised by a transaction-scoped advisory lock so that each row
 * links to the row committed before it, also across several application instances on one database.
 */
@Component
class JdbcAuditLog implements AuditLog {

    /** Advisory lock key of the audit chain ({@code AUDT}). */
    static final long CHAIN_LOCK = 0x41554454L;

    private static final String LOCK = "select pg_advisory_xact_lock(?)";
    private static final String LAST_HASH = "select hash from audit.audit_log order by id desc limit 1";
    private static final String NEXT_ID = "select nextval('audit.audit_log_seq')";
    private static final String INSERT = """
            insert into audit.audit_log (id, occurred_at, actor, org_id, org_path, action, entity_type, entity_id, detail,
                                   request_id, client_address, prev_hash, hash)
            values (:id, :at, :actor, :orgId, :orgPath, :action, :entityType, :entityId, :detail,
                    :requestId, :client, :prev, :hash)
            """;
    private static final String ORG_PATH = "select path from org.v_organisation where id = ?";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final AuditHasher hasher;

    JdbcAuditLog(JdbcClient jdbc, JsonMapper json, AuditHasher hasher) {
        this.jdbc = jdbc;
        this.json = json;
        this.hasher = hasher;
    }

    @Override
    @Transactional
    public void record(String action, String entityType, Object entityId, Map<String, ?> detail) {
        Optional<AuthenticatedUser> user = CurrentUser.find();
        String actor = user.map(AuthenticatedUser::getUsername).orElse("system");
        Long orgId = user.map(AuthenticatedUser::orgId).orElse(null);
        String orgPath = user.map(u -> u.scope().orgPath()).orElse(null);
        append(actor, orgId, orgPath, action, entityType, entityId, detail);
    }

    @Override
    @Transactional
    public void recordAs(String actor, Long orgId, String action, String entityType, Object entityId,
            Map<String, ?> detail) {
        String orgPath = orgId == null ? null
                : jdbc.sql(ORG_PATH).param(orgId).query(String.class).optional().orElse(null);
        append(actor, orgId, orgPath, action, entityType, entityId, detail);
    }

    private void append(String actor, Long orgId, String orgPath, String action, String entityType, Object entityId,
            Map<String, ?> detail) {
        jdbc.sql(LOCK).param(CHAIN_LOCK).query((rs, n) -> 1).list();
        byte[] prev = jdbc.sql(LAST_HASH).query(byte[].class).optional().orElse(AuditHasher.GENESIS);
        long id = jdbc.sql(NEXT_ID).query(Long.class).single();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Map<String, ?> said = detail;
        Optional<String> token = RequestContext.apiToken();
        if (token.isPresent()) {
            // A change made through an API token names the token, so each use is attributable.
            Map<String, Object> withToken = new java.util.LinkedHashMap<>(detail == null ? Map.of() : detail);
            withToken.put("apiToken", token.get());
            said = withToken;
        }
        String detailText = said == null || said.isEmpty() ? null : json.writeValueAsString(said);
        String entity = entityId == null ? null : entityId.toString();
        String requestId = RequestContext.requestId().orElse(null);
        String client = RequestContext.clientAddress().orElse(null);
        byte[] hash = hasher.hash(id, at, actor, orgId, orgPath, action, entityType, entity, detailText, requestId,
                client, prev);
        jdbc.sql(INSERT)
                .param("id", id).param("at", Timestamp.from(at)).param("actor", actor).param("orgId", orgId)
                .param("orgPath", orgPath).param("action", action).param("entityType", entityType)
                .param("entityId", entity).param("detail", detailText).param("requestId", requestId)
                .param("client", client).param("prev", prev).param("hash", hash)
                .update();
    }
}
