package cn.unionaid.audit.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * Moves an existing audit log from the plain SM3 chain to the keyed one (HMAC-SM3 under {@link AuditChainKey}):
 * every row is re-hashed in order, once, by the owner during migration. Before this version the chain could
 * be re-computed by anyone who could write the table; from here on only the key holder can.
 */
@Component
class AuditChainRekeying implements JavaMigration {

    private static final String ROWS = """
            select id, occurred_at, actor, org_id, org_path, action, entity_type, entity_id, detail, request_id,
                   client_address
              from audit_log order by id
            """;

    private final AuditHasher hasher;

    AuditChainRekeying(AuditHasher hasher) {
        this.hasher = hasher;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("16");
    }

    @Override
    public String getDescription() {
        return "key the audit chain with HMAC-SM3";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        try (Statement st = c.createStatement()) {
            st.execute("alter table audit_log disable trigger audit_log_no_update_delete");
        }
        byte[] prev = AuditHasher.GENESIS;
        try (Statement read = c.createStatement();
                PreparedStatement write = c.prepareStatement("update audit_log set prev_hash = ?, hash = ? where id = ?")) {
            read.setFetchSize(5_000);
            int pending = 0;
            try (ResultSet rs = read.executeQuery(ROWS)) {
                while (rs.next()) {
                    long id = rs.getLong("id");
                    long orgId = rs.getLong("org_id");
                    Long org = rs.wasNull() ? null : orgId;
                    byte[] hash = hasher.hash(id, rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"), org,
                            rs.getString("org_path"), rs.getString("action"), rs.getString("entity_type"),
                            rs.getString("entity_id"), rs.getString("detail"), rs.getString("request_id"),
                            rs.getString("client_address"), prev);
                    write.setBytes(1, prev);
                    write.setBytes(2, hash);
                    write.setLong(3, id);
                    write.addBatch();
                    if (++pending == 1_000) {
                        write.executeBatch();
                        pending = 0;
                    }
                    prev = hash;
                }
            }
            write.executeBatch();
        }
        try (Statement st = c.createStatement()) {
            st.execute("alter table audit_log enable trigger audit_log_no_update_delete");
        }
    }
}
