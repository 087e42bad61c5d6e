package cn.unionaid.controls;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import cn.unionaid.audit.AuditLog;
import cn.unionaid.platform.db.LargeQueries;
import cn.unionaid.platform.BusinessRuleException;
import cn.unionaid.platform.CurrentUser;
import cn.unionaid.platform.DataScope;
import cn.unionaid.platform.Page;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs every {@link ControlCheck}, reading the rows that several checks share once for all of them
 * ({@link CheckReading}), turns hits into findings (a re-run keeps one live
 * finding per payment and check, and closes those whose cause is gone), on demand or on a schedule under a
 * database lock so that only one instance runs it.
 */
@Service
public class Controls {

    static final String READERS = "hasAnyRole('AUDITOR', 'LEADER', 'REVIEWER', 'FINANCE', 'CLERK', 'EVALUATOR')";
    private static final long LOCK = 0x434F4E54L;

    /** The hits of one reading, gathered by a CREATE TABLE … AS so that PostgreSQL may plan the reading on every core. */
    private static final String GATHER = """
            create temporary table control_hit (check_code, org_id, subject_key, year, detail, amount_fen, batch_id)
                on commit drop as %s
            """;
    /** One finding per check and subject: a payment booked twice is one payment to look at, not a failed run. */
    private static final String UPSERT = """
            with opened as (
                insert into controls.finding (check_code, org_id, subject_key, year, detail, amount_fen, batch_id, status, first_run, last_run)
                select h.check_code, h.org_id, h.subject_key, h.year, h.detail, h.amount_fen, h.batch_id, 'OPEN', :run, :run
                  from (select distinct on (check_code, subject_key) * from control_hit
                         order by check_code, subject_key, detail) h
                on conflict (check_code, subject_key) where status <> 'CLOSED'
                do update set last_run = excluded.last_run, last_seen_at = now(), detail = excluded.detail,
                              amount_fen = excluded.amount_fen
                returning check_code)
            select check_code, count(*) from opened group by check_code
            """;
    private static final String CLOSE_GONE = """
            update controls.finding set status = 'CLOSED', closed_at = now(), closed_reason = '复查时原因已消除'
             where check_code in (:codes) and status <> 'CLOSED' and last_run <> :run
            """;

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final JsonMapper json;

    private static final Logger log = LoggerFactory.getLogger(Controls.class);

    private final LargeQueries largeQueries;

    Controls(JdbcClient jdbc, AuditLog audit, JsonMapper json, LargeQueries largeQueries) {
        this.largeQueries = largeQueries;
        this.jdbc = jdbc;
        this.audit = audit;
        this.json = json;
    }

    /** Started by the union's business roles; the auditor reads the findings and notes them, never runs the checks. */
    @PreAuthorize("hasAnyRole('CLERK', 'LEADER', 'REVIEWER', 'FINANCE')")
    @Transactional
    public ControlRunResult runNow() {
        return run(CurrentUser.require().getUsername());
    }

    /** Nightly, by whichever instance takes the lock first. */
    @Scheduled(cron = "${unionaid.controls.cron:0 30 2 * * *}")
    @Transactional
    public void nightly() {
        run("system");
    }

    private ControlRunResult run(String by) {
        boolean locked = jdbc.sql("select pg_try_advisory_xact_lock(?)").param(LOCK).query(Boolean.class).single();
        if (!locked) {
            return new ControlRunResult(0, Map.of(), List.of(), 0, 0, true);
        }
        long runId = jdbc.sql("insert into controls.control_run (triggered_by) values (?) returning id").param(by)
                .query(Long.class).single();
        // Each reading joins every payment item with the ledger, the register or the runs: a check's hits are the
        // exception, so the planner is told that few rows leave the scan and that sharing it among cores pays.
        largeQueries.allowLargeSortsAndHashes();
        largeQueries.preferParallelScans();
        Map<ControlCheck, Integer> hits = new EnumMap<>(ControlCheck.class);
        List<ControlRunResult.Reading> readings = new java.util.ArrayList<>();
        long before = liveCount();
        int closed = 0;
        for (List<ControlCheck> together : readTogether()) {
            long t0 = System.nanoTime();
            CheckReading reading = together.get(0).reading();
            together.forEach(c -> hits.put(c, 0));
            jdbc.sql(GATHER.formatted(reading.hitsOf(together))).update();
            jdbc.sql(UPSERT).param("run", runId)
                    .query((rs, n) -> hits.put(ControlCheck.valueOf(rs.getString(1)), rs.getInt(2))).list();
            jdbc.sql("drop table control_hit").update();
            closed += jdbc.sql(CLOSE_GONE).param("codes", together.stream().map(Enum::name).toList()).param("run", runId)
                    .update();
            long millis = (System.nanoTime() - t0) / 1_000_000;
            readings.add(new ControlRunResult.Reading(together, millis));
            log.info("Control checks {} took {} ms, hits {}", together, millis,
                    together.stream().map(hits::get).toList());
        }
        int opened = (int) (liveCount() - before + closed);
        jdbc.sql("update controls.control_run set finished_at = now(), counts = ? where id = ?")
                .param(json.writeValueAsString(hits)).param(runId).update();
        audit.record("controls.run", "control_run", runId, Map.of("opened", opened, "closed", closed,
                "hits", hits.values().stream().mapToInt(Integer::intValue).sum()));
        return new ControlRunResult(runId, hits, readings, opened, closed, false);
    }

    /** The checks in the order they run: those of one shared reading together, a check with its own query alone. */
    static List<List<ControlCheck>> readTogether() {
        Map<CheckReading, List<ControlCheck>> shared = new EnumMap<>(CheckReading.class);
        List<List<ControlCheck>> units = new java.util.ArrayList<>();
        for (ControlCheck check : ControlCheck.values()) {
            if (check.reading() == CheckReading.OWN) {
                units.add(List.of(check));
            } else {
                shared.computeIfAbsent(check.reading(), r -> {
                    List<ControlCheck> checks = new java.util.ArrayList<>();
                    units.add(checks);
                    return checks;
                }).add(check);
            }
        }
        return units;
    }

    private long liveCount() {
        return jdbc.sql("select count(*) from controls.finding where status <> 'CLOSED'").query(Long.class).single();
    }

    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public Page<Finding> findings(DataScope scope, String status, ControlCheck check, Integer year, String after) {
        List<Finding> rows = jdbc.sql("""
                select f.*, o.name as org_name from controls.finding f join org.v_organisation o on o.id = f.org_id
                 where starts_with(o.path, :scope) and (:status::text is null or f.status = :status)
                   and (:check::text is null or f.check_code = :check) and (:year::int is null or f.year = :year)
                   and (:after::bigint is null or f.id < :after)
                 order by f.id desc limit 51
                """).param("scope", scope.orgPath()).param("status", status).param("check", check == null ? null : check.name())
                .param("year", year).param("after", after == null ? null : Long.valueOf(after))
                .query(Controls::finding).list();
        return Page.of(rows, 50, f -> Long.toString(f.id()));
    }

    /** How many findings match the list's filter, for its total. */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public long countFindings(DataScope scope, String status, ControlCheck check, Integer year) {
        return jdbc.sql("""
                select count(*) from controls.finding f join org.v_organisation o on o.id = f.org_id
                 where starts_with(o.path, :scope) and (:status::text is null or f.status = :status)
                   and (:check::text is null or f.check_code = :check) and (:year::int is null or f.year = :year)
                """).param("scope", scope.orgPath()).param("status", status).param("check", check == null ? null : check.name())
                .param("year", year).query(Long.class).single();
    }

    /** Findings in scope still waiting for an explanation or a correction (status 待说明). */
    @Transactional(readOnly = true)
    public long countToExplain(DataScope scope) {
        return jdbc.sql("select count(*) from controls.finding f join org.v_organisation o on o.id = f.org_id "
                + "where starts_with(o.path, ?) and f.status = 'OPEN'").param(scope.orgPath()).query(Long.class).single();
    }

    /** Live findings in scope, for the home page. */
    @Transactional(readOnly = true)
    public long countOpen(DataScope scope) {
        return jdbc.sql("select count(*) from controls.finding f join org.v_organisation o on o.id = f.org_id "
                + "where starts_with(o.path, ?) and f.status <> 'CLOSED'").param(scope.orgPath()).query(Long.class).single();
    }

    /** The union's own live findings of a year, counted by check (a report's 存在的问题 and 有关建议). */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public Map<ControlCheck, Long> openByCheck(DataScope scope, int year) {
        Map<ControlCheck, Long> counts = new java.util.EnumMap<>(ControlCheck.class);
        jdbc.sql("select check_code, count(*) from controls.finding where org_id = ? and year = ? and status <> 'CLOSED' group by 1")
                .param(scope.orgId()).param(year)
                .query((rs, n) -> counts.put(ControlCheck.valueOf(rs.getString(1)), rs.getLong(2))).list();
        return counts;
    }

    /** Counts of live findings by severity and by union, for the dashboard. */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public List<Map<String, Object>> dashboard(DataScope scope, Integer year) {
        return jdbc.sql("""
                select o.name as org, f.check_code, count(*) as n, coalesce(sum(f.amount_fen), 0) as fen
                  from controls.finding f join org.v_organisation o on o.id = f.org_id
                 where starts_with(o.path, ?) and f.status <> 'CLOSED' and (?::int is null or f.year = ?)
                 group by o.name, f.check_code order by o.name, f.check_code
                """).param(scope.orgPath()).param(year).param(year).query((rs, n) -> {
                    ControlCheck c = ControlCheck.valueOf(rs.getString(2));
                    return Map.<String, Object>of("org", rs.getString(1), "check", c.title(), "severity",
                            c.severity().label(), "count", rs.getLong(3), "amountYuan",
                            cn.unionaid.shared.Money.ofFen(rs.getLong(4)).toYuanString());
                }).list();
    }

    /** Explains, corrects or closes a finding with a note: the one change an auditor may make. */
    @PreAuthorize(READERS)
    @Transactional
    public void annotate(DataScope scope, long id, String status, String note) {
        if (note == null || note.isBlank() || !List.of("EXPLAINED", "CORRECTED", "CLOSED").contains(status)) {
            throw BusinessRuleException.invalid("controls.error.note");
        }
        int n = jdbc.sql("""
                update controls.finding f set status = :status, note = :note, noted_by = :by, noted_at = now(),
                       closed_at = case when :status = 'CLOSED' then now() end,
                       closed_reason = case when :status = 'CLOSED' then :note end
                  from org.v_organisation o
                 where f.id = :id and o.id = f.org_id and starts_with(o.path, :scope) and f.status <> 'CLOSED'
                """).param("status", status).param("note", note.strip()).param("by", CurrentUser.require().getUsername())
                .param("id", id).param("scope", scope.orgPath()).update();
        if (n != 1) {
            throw BusinessRuleException.notFound("controls.error.notFound");
        }
        audit.record("controls.findingAnnotated", "finding", id, Map.of("status", status, "note", note.strip()));
    }

    private static Finding finding(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        long amount = rs.getLong("amount_fen");
        Long amountFen = rs.wasNull() ? null : amount;
        long batch = rs.getLong("batch_id");
        Long batchId = rs.wasNull() ? null : batch;
        int year = rs.getInt("year");
        Integer y = rs.wasNull() ? null : year;
        java.sql.Timestamp closed = rs.getTimestamp("closed_at");
        return new Finding(rs.getLong("id"), ControlCheck.valueOf(rs.getString("check_code")), rs.getString("org_name"), y,
                rs.getString("detail"), amountFen, batchId, rs.getString("status"),
                rs.getTimestamp("first_seen_at").toInstant(), rs.getTimestamp("last_seen_at").toInstant(),
                rs.getString("note"), rs.getString("noted_by"), closed == null ? null : closed.toInstant(),
                rs.getString("closed_reason"));
    }
}
