package cn.unionaid.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.unionaid.audit.ChainVerification;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Re-computes the keyed chain from the first row, in keyset-paged chunks so that memory stays flat, and then
 * holds it against the anchors: every anchored row must still be there with its anchored hash, and the log
 * must not end before the newest anchor (a deleted tail).
 */
@Component
public class AuditChainVerifier {

    private static final int CHUNK = 5_000;
    private static final String CHUNK_SQL = """
            select id, occurred_at, actor, org_id, org_path, action, entity_type, entity_id, detail, request_id,
                   client_address, prev_hash, hash
              from audit.audit_log where id > ? order by id limit ?
            """;

    private final JdbcClient jdbc;
    private final AuditHasher hasher;
    private final AuditAnchors anchors;

    AuditChainVerifier(JdbcClient jdbc, AuditHasher hasher, AuditAnchors anchors) {
        this.jdbc = jdbc;
        this.hasher = hasher;
        this.anchors = anchors;
    }

    private record Row(long id, byte[] computed, byte[] prevHash, byte[] hash) {
    }

    @Transactional(readOnly = true)
    public ChainVerification verify() {
        AuditAnchors.Anchors onFile = anchors.read();
        Map<Long, byte[]> anchored = new HashMap<>();
        onFile.valid().forEach(a -> anchored.put(a.rowId(), a.hash()));
        long newestAnchor = onFile.valid().stream().mapToLong(AuditAnchors.Anchor::rowId).max().orElse(0);
        int forged = onFile.forgedLines().size();
        byte[] expectedPrev = AuditHasher.GENESIS;
        long after = 0;
        long checked = 0;
        int anchorsMet = 0;
        while (true) {
            List<Row> rows = jdbc.sql(CHUNK_SQL).param(after).param(CHUNK).query(this::row).list();
            for (Row row : rows) {
                checked++;
                if (!Arrays.equals(row.prevHash(), expectedPrev) || !Arrays.equals(row.computed(), row.hash())) {
                    return new ChainVerification(false, row.id(), checked, anchorsMet, null, null, null, forged);
                }
                byte[] anchor = anchored.get(row.id());
                if (anchor != null) {
                    if (!Arrays.equals(anchor, row.hash())) {
                        return new ChainVerification(false, null, checked, anchorsMet, null, null, row.id(), forged);
                    }
                    anchorsMet++;
                }
                expectedPrev = row.hash();
                after = row.id();
            }
            if (rows.size() < CHUNK) {
                break;
            }
        }
        if (after < newestAnchor) {
            return new ChainVerification(false, null, checked, anchorsMet, after, newestAnchor, null, forged);
        }
        if (anchorsMet < anchored.size()) {
            // An anchored row below the head is gone: a row was deleted from the middle and the chain re-linked.
            long gone = anchored.keySet().stream().sorted().filter(id -> !exists(id)).findFirst().orElse(0L);
            return new ChainVerification(false, null, checked, anchorsMet, null, null, gone, forged);
        }
        return new ChainVerification(forged == 0, null, checked, anchorsMet, null, null, null, forged);
    }

    private boolean exists(long id) {
        return jdbc.sql("select count(*) from audit.audit_log where id = ?").param(id).query(Long.class).single() > 0;
    }

    private Row row(ResultSet rs, int n) throws SQLException {
        long id = rs.getLong("id");
        long orgId = rs.getLong("org_id");
        Long org = rs.wasNull() ? null : orgId;
        byte[] prev = rs.getBytes("prev_hash");
        byte[] computed = hasher.hash(id, rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"), org,
                rs.getString("org_path"), rs.getString("action"), rs.getString("entity_type"), rs.getString("entity_id"),
                rs.getString("detail"), rs.getString("request_id"), rs.getString("client_address"), prev);
        return new Row(id, computed, prev, rs.getBytes("hash"));
    }
}
