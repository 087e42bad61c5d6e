package cn.unionaid.platform.db;

import java.sql.Connection;
import java.util.List;

import javax.sql.DataSource;

import cn.unionaid.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The two ways rows are written while the next are made: {@link CopyBehind} (a roster's staging) and
 * {@link ReadWhileCopying} (an entitlement run). Every row arrives once; a failure on either side stops both, is
 * thrown to the caller, and leaves nothing written.
 */
@IntegrationTest
class CopyingBesideTests {

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    ReadWhileCopying readWhileCopying;
    @Autowired
    EmbeddedDatabaseServer server;

    private static final int ROWS = 23_456; // several chunks and a part

    @Test
    void rowsCopiedBehindTheMakerArriveOnceEachAndInOrder() {
        long sum = new TransactionTemplate(transactions).execute(t -> {
            jdbc.sql("create temporary table behind_a (n int, s text) on commit drop").update();
            jdbc.sql("create temporary table behind_b (n int) on commit drop").update();
            Connection connection = DataSourceUtils.getConnection(dataSource);
            try (CopyBehind behind = new CopyBehind(connection)) {
                CsvCopy a = behind.into("behind_a", List.of("n", "s"));
                CsvCopy b = behind.into("behind_b", List.of("n"));
                for (int i = 1; i <= ROWS; i++) {
                    a.row(i, "行" + i + ",\"引号\"");
                    if (i % 3 == 0) {
                        b.row(i);
                    }
                }
                a.finish();
                b.finish();
                behind.finish();
            }
            assertThat(jdbc.sql("select count(*) from behind_b").query(Long.class).single()).isEqualTo(ROWS / 3);
            assertThat(jdbc.sql("select s from behind_a where n = 17").query(String.class).single()).isEqualTo("行17,\"引号\"");
            return jdbc.sql("select sum(n) from behind_a").query(Long.class).single();
        });
        assertThat(sum).isEqualTo((long) ROWS * (ROWS + 1) / 2);
    }

    @Test
    void aCopyThatFailsStopsTheMakerAndIsThrownToIt() {
        int[] made = {0};
        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(t -> {
            jdbc.sql("create temporary table behind_c (n int check (n <> 7000)) on commit drop").update();
            try (CopyBehind behind = new CopyBehind(DataSourceUtils.getConnection(dataSource))) {
                CsvCopy c = behind.into("behind_c", List.of("n"));
                for (int i = 1; i <= 200_000; i++) {
                    c.row(i);
                    made[0] = i;
                }
                c.finish();
                behind.finish();
            }
        })).hasMessageContaining("COPY");
        assertThat(made[0]).as("rows made after the failed chunk").isLessThan(50_000);
    }

    /** A table of its own, made and committed before: a transaction that has written reads on its own connection. */
    @Test
    void aRunReadBesideItsTransactionWritesEveryRowOnceAndAFailureWhileReadingLeavesNone() {
        var owner = new org.springframework.jdbc.core.JdbcTemplate(new org.springframework.jdbc.datasource.SingleConnectionDataSource(
                server.ownerJdbcUrl(), EmbeddedDatabaseServer.OWNER, "", true));
        owner.execute("create table platform.beside_test (n int, twice int)");
        owner.execute("grant select, insert, truncate on platform.beside_test to " + EmbeddedDatabaseServer.APPLICATION_ROLE);
        try {
            long written = new TransactionTemplate(transactions).execute(t -> {
                long n = readWhileCopying.copy("platform.beside_test", List.of("n", "twice"),
                        "select g from generate_series(1, :last) g", c -> new MapSqlParameterSource("last", ROWS),
                        (rs, out) -> out.row(rs.getInt(1), rs.getInt(1) * 2));
                assertThat(jdbc.sql("select count(distinct n) from platform.beside_test where twice = 2 * n")
                        .query(Long.class).single()).isEqualTo(ROWS);
                return n;
            });
            assertThat(written).isEqualTo(ROWS);
            jdbc.sql("truncate platform.beside_test").update();
            assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(t ->
                    readWhileCopying.copy("platform.beside_test", List.of("n"), "select g from generate_series(1, 20000) g",
                            c -> new MapSqlParameterSource(), (rs, out) -> {
                                if (rs.getInt(1) == 12_345) {
                                    throw new IllegalArgumentException("第 12345 行无法核算");
                                }
                                out.row(rs.getInt(1));
                            }))).isInstanceOf(IllegalArgumentException.class).hasMessage("第 12345 行无法核算");
            assertThat(jdbc.sql("select count(*) from platform.beside_test").query(Long.class).single()).isZero();
        } finally {
            owner.execute("drop table platform.beside_test");
        }
    }
}
