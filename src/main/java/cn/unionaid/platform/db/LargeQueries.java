package cn.unionaid.platform.db;

import java.util.List;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * For a transaction that sorts, hashes or counts distinct over a province's millions of rows (the control run,
 * the year's figures): PostgreSQL's default 4 MB per sort or hash spills to disk there, as the scale harness
 * measured. {@code unionaid.db.large-query-work-mem} (default 256MB) is given to the current transaction only.
 */
@Component
public class LargeQueries {

    /** Rows a streaming read fetches at a time. */
    static final int FETCH_SIZE = 5_000;
    private static final String PLAN_FOR_VALUES = "set local plan_cache_mode = force_custom_plan";

    private final JdbcClient jdbc;
    private final String workMem;
    private final JdbcTemplate streaming;
    private final NamedParameterJdbcTemplate streamingNamed;

    LargeQueries(JdbcClient jdbc, DataSource dataSource,
            @Value("${unionaid.db.large-query-work-mem:256MB}") String workMem) {
        if (!workMem.matches("\\d+(kB|MB|GB)")) {
            throw new IllegalArgumentException("unionaid.db.large-query-work-mem must look like 256MB");
        }
        this.jdbc = jdbc;
        this.workMem = workMem;
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(FETCH_SIZE);
        this.streamingNamed = new NamedParameterJdbcTemplate(streaming);
    }

    /**
     * Reads a query's rows a few thousand at a time (within the caller's transaction, on its connection), for a
     * result of a province's size that must never sit in memory whole: a run's population, a bank file's payments.
     */
    public JdbcTemplate streaming() {
        return streaming;
    }

    /** {@link #streaming()} with named parameters. */
    public NamedParameterJdbcTemplate streamingNamed() {
        return streamingNamed;
    }

    /**
     * For queries that scan millions of rows and let only a few out (the control checks): PostgreSQL's default cost
     * of passing a row from a parallel worker (0.1) assumes most rows come out, and with the planner's cautious
     * estimates of such filters it kept every check on one core. For the rest of the current transaction a row
     * passed costs what a row evaluated does, so scans and hash joins are shared among the parallel workers.
     * Only statements that write nothing or create a table from a query ({@code CREATE TABLE … AS}) can use them.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void preferParallelScans() {
        jdbc.sql("set local parallel_tuple_cost = 0.01").update();
    }

    /**
     * Plans the rest of the current transaction's statements for their actual values: a filter matching 700 people and
     * one matching 700,000 want different plans, and the generic plan PostgreSQL settles on after five executions of a
     * prepared statement took a county's count from 1 ms to 380 ms at 100,000 model workers (found by the scale
     * harness); a run's population for three people must not read a province's register.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void planForActualValues() {
        jdbc.sql(PLAN_FOR_VALUES).update();
    }

    /**
     * Streams a query of a province's size in the current transaction (a run's population), planned for its actual
     * values and sorting and hashing in memory: {@link #planForActualValues()}, {@link #allowLargeSortsAndHashes()},
     * then {@link #streamingNamed()}.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void stream(String sql, SqlParameterSource params, RowCallbackHandler each) {
        planForActualValues();
        allowLargeSortsAndHashes();
        streamingNamed.query(sql, params, each);
    }

    /**
     * What {@link #planForActualValues()} and {@link #allowLargeSortsAndHashes()} set, for a connection of
     * {@link ReadWhileCopying} that reads beside the transaction.
     */
    List<String> readerSettings() {
        return List.of(PLAN_FOR_VALUES, largeSortsAndHashes());
    }

    /** Raises the memory of each sort and hash for the rest of the current transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void allowLargeSortsAndHashes() {
        jdbc.sql(largeSortsAndHashes()).update();
    }

    private String largeSortsAndHashes() {
        return "set local work_mem = '" + workMem + "'";
    }
}
