package cn.unionaid.audit;

import java.util.HexFormat;
import java.util.List;

import cn.unionaid.audit.internal.AuditChainVerifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Extracts of the audit log for evidence packs: one entity's entries, the chain links from them to a verified
 * anchor (the last row at the time of the extract), and the verification of the whole chain.
 */
@Service
public class AuditExtracts {

    /** One link of the chain: a row's id, the previous row's hash it carries, and its own hash (hex). */
    public record ChainLink(long id, String prevHash, String hash) {
    }

    private final JdbcClient jdbc;
    private final AuditChainVerifier verifier;

    AuditExtracts(JdbcClient jdbc, AuditChainVerifier verifier) {
        this.jdbc = jdbc;
        this.verifier = verifier;
    }

    @Transactional(readOnly = true)
    public List<AuditEntry> forEntity(String entityType, String entityId) {
        return jdbc.sql("""
                select id, occurred_at, actor, org_id, action, entity_type, entity_id, detail, request_id, client_address
                  from audit.audit_log where entity_type = ? and entity_id = ? order by id
                """).param(entityType).param(entityId).query((rs, n) -> {
                    long org = rs.getLong("org_id");
                    Long orgId = rs.wasNull() ? null : org;
                    return new AuditEntry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
                            orgId, rs.getString("action"), rs.getString("entity_type"), rs.getString("entity_id"),
                            rs.getString("detail"), rs.getString("request_id"), rs.getString("client_address"));
                }).list();
    }

    /** The links from {@code fromId} to the newest row, in order. */
    @Transactional(readOnly = true)
    public List<ChainLink> chainFrom(long fromId) {
        HexFormat hex = HexFormat.of();
        return jdbc.sql("select id, prev_hash, hash from audit.audit_log where id >= ? order by id").param(fromId)
                .query((rs, n) -> new ChainLink(rs.getLong(1), hex.formatHex(rs.getBytes(2)), hex.formatHex(rs.getBytes(3))))
                .list();
    }

    public ChainVerification verify() {
        return verifier.verify();
    }
}
