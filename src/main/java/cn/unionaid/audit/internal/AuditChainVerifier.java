package cn.unionaid.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

import cn.unionaid.audit.ChainVerification;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Re-computes the chain from the first row, in keyset-paged chunks so that memory stays flat. */
@Component
public class AuditChainVerifier {

    private static final int CHUNK = 5_000;
    private static final String CHUNK_SQL = """
            select id, occurred_at, actor, org_id, org_path, action, entity_type, entity_id, detail, request_id,
                   client_address, prev_hash, hash
              from audit_log where id > ? order by id limit ?
            """;

    private final JdbcClient jdbc;

    AuditChainVerifier(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Row(long id, byte[] computed, byte[] prevHash, byte[] hash) {
    }

    @Transactional(readOnly = true)
    public ChainVerification verify() {
        byte[] expectedPrev = AuditHasher.GENESIS;
        long after = 0;
        long checked = 0;
        while (true) {
            List<Row> rows = jdbc.sql(CHUNK_SQL).param(after).param(CHUNK).query(AuditChainVerifier::row).list();
            for (Row row : rows) {
                checked++;
                if (!Arrays.equals(row.prevHash(), expectedPrev) || !Arrays.equals(row.computed(), row.hash())) {
                    return new ChainVerification(false, row.id(), checked);
                }
                expectedPrev = row.hash();
                after = row.id();
            }
            if (rows.size() < CHUNK) {
                return new ChainVerification(true, null, checked);
            }
        }
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        long id = rs.getLong("id");
        long orgId = rs.getLong("org_id");
        Long org = rs.wasNull() ? null : orgId;
        byte[] prev = rs.getBytes("prev_hash");
        byte[] computed = AuditHasher.hash(id, rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"), org,
                rs.getString("org_path"), rs.getString("action"), rs.getString("entity_type"), rs.getString("entity_id"),
                rs.getString("detail"), rs.getString("request_id"), rs.getString("client_address"), prev);
        return new Row(id, computed, prev, rs.getBytes("hash"));
    }
}
