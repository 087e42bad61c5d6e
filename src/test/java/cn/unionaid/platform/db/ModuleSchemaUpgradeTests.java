package cn.unionaid.platform.db;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.unionaid.IntegrationTest;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.JavaMigration;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An existing database upgrades in place to a schema per module: a database at V24 (every table in public) holding
 * the demo year — copied row for row from the test database — is migrated to the latest version, and then every table
 * is in its module's schema with exactly the rows it had, its triggers still guard it and the published views answer.
 */
@IntegrationTest
class ModuleSchemaUpgradeTests {

    @Autowired
    EmbeddedDatabaseServer server;
    @Autowired
    List<JavaMigration> javaMigrations;

    @Test
    void aDatabaseOfYesterdaysSchemaWithTheDemoYearUpgradesInPlaceWithEveryRowKept() throws Exception {
        String database = "upgrade_" + System.nanoTime();
        try (Connection owner = DriverManager.getConnection(server.ownerJdbcUrl(), EmbeddedDatabaseServer.OWNER, "");
                Statement st = owner.createStatement()) {
            st.execute("create database " + database);
        }
        String url = server.ownerJdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1");
        Flyway.configure().dataSource(url, EmbeddedDatabaseServer.OWNER, "").locations("classpath:db/migration")
                .javaMigrations(javaMigrations.toArray(JavaMigration[]::new)).target("24").load().migrate();

        Map<String, String> tables = new LinkedHashMap<>();
        Map<String, String> digests = new LinkedHashMap<>();
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection source = DriverManager.getConnection(server.ownerJdbcUrl(), EmbeddedDatabaseServer.OWNER, "");
                Connection target = DriverManager.getConnection(url, EmbeddedDatabaseServer.OWNER, "")) {
            try (Statement st = source.createStatement(); ResultSet rs = st.executeQuery("""
                    select table_schema, table_name from information_schema.tables
                     where table_type = 'BASE TABLE' and table_schema in ('org', 'audit', 'registry', 'policy', 'funds',
                           'disbursement', 'controls', 'evaluation', 'crosscheck', 'platform')
                       and table_name not like '%copy%' order by 1, 2""")) {
                while (rs.next()) {
                    tables.put(rs.getString(2), rs.getString(1));
                }
            }
            // Only yesterday's tables: those a later migration added are not in a V24 database.
            java.util.Set<String> yesterday = new java.util.HashSet<>();
            try (Statement st = target.createStatement(); ResultSet rs = st.executeQuery(
                    "select table_name from information_schema.tables where table_schema = 'public'")) {
                while (rs.next()) {
                    yesterday.add(rs.getString(1));
                }
            }
            tables.keySet().retainAll(yesterday);
            // Yesterday's database: the same rows in public, written past triggers and keys as a restore would.
            try (Statement st = target.createStatement()) {
                st.execute("set session_replication_role = replica");
            }
            for (Map.Entry<String, String> t : tables.entrySet()) {
                String qualified = t.getValue() + "." + t.getKey();
                ByteArrayOutputStream rows = new ByteArrayOutputStream();
                try (Statement st = target.createStatement()) {
                    st.executeUpdate("delete from public." + t.getKey());
                }
                source.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY " + qualified + " TO STDOUT", rows);
                target.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY public." + t.getKey() + " FROM STDIN",
                        new ByteArrayInputStream(rows.toByteArray()));
                digests.put(t.getKey(), digest(source, qualified));
                counts.put(t.getKey(), count(source, qualified));
            }
        }
        assertThat(counts.get("model_worker")).isPositive();
        assertThat(counts.get("ledger_entry")).isPositive();
        assertThat(counts.get("audit_log")).isPositive();

        Flyway.configure().dataSource(url, EmbeddedDatabaseServer.OWNER, "").locations("classpath:db/migration")
                .javaMigrations(javaMigrations.toArray(JavaMigration[]::new)).load().migrate();

        try (Connection upgraded = DriverManager.getConnection(url, EmbeddedDatabaseServer.OWNER, "")) {
            List<String> left = new ArrayList<>();
            try (Statement st = upgraded.createStatement(); ResultSet rs = st.executeQuery("""
                    select table_name from information_schema.tables where table_schema = 'public'
                       and table_name <> 'flyway_schema_history'""")) {
                while (rs.next()) {
                    left.add(rs.getString(1));
                }
            }
            assertThat(left).as("tables left in public").isEmpty();
            for (Map.Entry<String, String> t : tables.entrySet()) {
                String qualified = t.getValue() + "." + t.getKey();
                assertThat(count(upgraded, qualified)).as(qualified).isEqualTo(counts.get(t.getKey()));
                assertThat(digest(upgraded, qualified)).as(qualified).isEqualTo(digests.get(t.getKey()));
            }
            assertThat(count(upgraded, "disbursement.v_batch_item")).isEqualTo(counts.get("batch_item"));
            assertThat(count(upgraded, "org.v_organisation")).isEqualTo(counts.get("organisation"));
            // the triggers moved with their tables and still hold
            assertThatThrownBy(() -> {
                try (Statement st = upgraded.createStatement()) {
                    st.executeUpdate("update audit.audit_log set actor = 'x' where id = (select min(id) from audit.audit_log)");
                }
            }).hasMessageContaining("append-only");
            try (Statement st = upgraded.createStatement(); ResultSet rs = st.executeQuery(
                    "select count(*) from disbursement.batch b where b.total_fen <> coalesce((select sum(i.amount_fen) "
                            + "from disbursement.batch_item i where i.batch_id = b.id and i.status in ('PENDING', 'PAID', 'FAILED', 'RETURNED')), 0)")) {
                rs.next();
                assertThat(rs.getLong(1)).as("batch totals as their items say").isZero();
            }
        } finally {
            try (Connection owner = DriverManager.getConnection(server.ownerJdbcUrl(), EmbeddedDatabaseServer.OWNER, "");
                    Statement st = owner.createStatement()) {
                st.execute("drop database if exists " + database + " with (force)");
            }
        }
    }

    private static long count(Connection c, String table) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String digest(Connection c, String table) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) from " + table + " t")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
