package cn.unionaid.registry.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

import cn.unionaid.shared.FieldCipher;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * Seals a household member's health text (健康状况) like an ID number: SM4-GCM ciphertext plus an HMAC-SM3
 * blind index (so a re-imported roster can still tell an unchanged member from a changed one), and drops the
 * plain column.
 */
@Component
class HealthTextSealing implements JavaMigration {

    private final FieldCipher cipher;

    HealthTextSealing(FieldCipher cipher) {
        this.cipher = cipher;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("19");
    }

    @Override
    public String getDescription() {
        return "seal health text";
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
            st.execute("alter table household_member add column health_enc bytea, add column health_bidx bytea");
        }
        try (Statement read = c.createStatement();
                PreparedStatement write = c.prepareStatement(
                        "update household_member set health_enc = ?, health_bidx = ? where id = ?")) {
            read.setFetchSize(5_000);
            int pending = 0;
            try (ResultSet rs = read.executeQuery("select id, health from household_member where health is not null")) {
                while (rs.next()) {
                    String health = rs.getString(2);
                    write.setBytes(1, cipher.encrypt(health));
                    write.setBytes(2, cipher.blindIndex(health));
                    write.setLong(3, rs.getLong(1));
                    write.addBatch();
                    if (++pending == 1_000) {
                        write.executeBatch();
                        pending = 0;
                    }
                }
            }
            write.executeBatch();
        }
        try (Statement st = c.createStatement()) {
            st.execute("alter table household_member drop column health");
        }
    }
}
