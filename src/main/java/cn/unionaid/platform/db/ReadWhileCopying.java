package cn.unionaid.platform.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.Function;

import javax.sql.DataSource;

import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes with COPY, in the caller's transaction, the rows that a query's rows give (an entitlement run: a province's
 * population read, each person computed, each entitlement written). Done one after the other on one connection,
 * PostgreSQL reads, then Java computes, then PostgreSQL writes, and one of the machine's cores waits. Here the query
 * runs on a second connection in a thread of its own, which computes each row and hands chunks of CSV over, while
 * the caller's connection writes the chunks before it: reading, computing and writing go on at once.
 * <p>
 * The second connection imports the caller's transaction snapshot ({@code pg_export_snapshot}), so it reads exactly
 * what the caller's transaction would. A transaction that has already written reads on its own connection instead,
 * one chunk after the other: its own writes are in no snapshot that another session can import.
 */
@Component
public class ReadWhileCopying {

    /** Turns one row of the query into rows of the COPY. */
    @FunctionalInterface
    public interface RowWriter {
        void write(ResultSet row, CsvCopy out) throws SQLException;
    }

    private static final int CHUNKS_AHEAD = 4;
    /**
     * Readers beside at once on this instance. Each holds a second pooled connection while its caller holds one; with
     * no limit, as many runs at once as the pool has connections could each wait for a second that never comes.
     */
    private static final int READERS_AT_ONCE = 4;

    private final java.util.concurrent.Semaphore readers = new java.util.concurrent.Semaphore(READERS_AT_ONCE);

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final LargeQueries largeQueries;

    ReadWhileCopying(DataSource dataSource, JdbcClient jdbc, LargeQueries largeQueries) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.largeQueries = largeQueries;
    }

    /**
     * Runs {@code sql} with the parameters {@code params} gives for the connection that reads (arrays belong to a
     * connection), and COPYs into {@code table} what {@code each} writes for every row; returns the rows written.
     * The query is planned for its actual values and may sort and hash in memory ({@link LargeQueries}).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long copy(String table, List<String> columns, String sql,
            Function<Connection, SqlParameterSource> params, RowWriter each) {
        Connection writer = DataSourceUtils.getConnection(dataSource);
        boolean wroteAlready = jdbc.sql("select pg_current_xact_id_if_assigned() is not null").query(Boolean.class)
                .single();
        if (wroteAlready || !readers.tryAcquire()) {
            return oneAfterTheOther(writer, table, columns, sql, params, each);
        }
        try {
            return beside(writer, table, columns, sql, params, each);
        } finally {
            readers.release();
        }
    }

    private long beside(Connection writer, String table, List<String> columns, String sql,
            Function<Connection, SqlParameterSource> params, RowWriter each) {
        String snapshot = jdbc.sql("select pg_export_snapshot()").query(String.class).single();
        String copySql = CsvCopy.copySql(table, columns);
        Handover chunks = new Handover(CHUNKS_AHEAD);
        LocaleContext locale = LocaleContextHolder.getLocaleContext();
        Thread reader = new Thread(() -> read(snapshot, sql, params, each, chunks, locale), "read-while-copying");
        reader.setDaemon(true);
        reader.start();
        long written = 0;
        try {
            for (Object chunk = chunks.next(); chunk != null; chunk = chunks.next()) {
                written += CsvCopy.copyIn(writer, copySql, (String) chunk);
            }
            return written;
        } finally {
            chunks.stop();
            try {
                reader.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private long oneAfterTheOther(Connection connection, String table, List<String> columns, String sql,
            Function<Connection, SqlParameterSource> params, RowWriter each) {
        CsvCopy copy = new CsvCopy(connection, table, columns);
        largeQueries.stream(sql, params.apply(connection), (ResultSet rs) -> each.write(rs, copy));
        return copy.finish();
    }

    private void read(String snapshot, String sql, Function<Connection, SqlParameterSource> params, RowWriter each,
            Handover chunks, LocaleContext locale) {
        LocaleContextHolder.setLocaleContext(locale);
        Object last = null;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                try (Statement s = connection.createStatement()) {
                    s.execute("set transaction isolation level repeatable read, read only");
                    s.execute("set transaction snapshot '" + snapshot.replaceAll("[^0-9A-Fa-f-]", "") + "'");
                    for (String setting : largeQueries.readerSettings()) {
                        s.execute(setting);
                    }
                }
                var template = new org.springframework.jdbc.core.JdbcTemplate(
                        new SingleConnectionDataSource(connection, true));
                template.setFetchSize(LargeQueries.FETCH_SIZE);
                CsvCopy out = new CsvCopy((chunk, rows) -> {
                    chunks.put(chunk);
                    return rows;
                });
                new NamedParameterJdbcTemplate(template).query(sql, params.apply(connection),
                        (ResultSet rs) -> each.write(rs, out));
                out.finish();
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (CancellationException e) {
            return;
        } catch (Throwable t) {
            last = t;
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
        try {
            if (last == null) {
                chunks.end();
            } else {
                chunks.put(last);
            }
        } catch (CancellationException e) {
            // the writer has stopped and no longer listens
        }
    }
}
