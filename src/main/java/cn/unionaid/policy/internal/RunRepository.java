package cn.unionaid.policy.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import cn.unionaid.platform.DataScope;
import cn.unionaid.policy.Decision;
import cn.unionaid.policy.EntitlementView;
import cn.unionaid.policy.Program;
import cn.unionaid.policy.ResolvedParameter;
import cn.unionaid.policy.RunComparison;
import cn.unionaid.policy.RunTotals;
import cn.unionaid.policy.RunView;
import cn.unionaid.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Run headers (written in their own transactions, so a refused run is still on record) and their results. */
@Repository
public class RunRepository {

    private static final String RUN = """
            select r.*, p.name as program_name, p.year from policy.entitlement_run r join policy.program p on p.id = r.program_id
              join org.v_organisation o on o.id = r.org_id
            """;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    RunRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public long open(Program program, boolean whatIf, java.time.LocalDate referenceDate, String ruleJson, String by) {
        return jdbc.sql("""
                insert into policy.entitlement_run (program_id, org_id, kind, reference_date, rule_version, rule, status, started_by)
                values (?, ?, ?, ?, ?, ?, 'RUNNING', ?) returning id
                """).param(program.id()).param(program.orgId()).param(whatIf ? "WHAT_IF" : "OFFICIAL")
                .param(Date.valueOf(referenceDate)).param(program.ruleVersion()).param(ruleJson).param(by)
                .query(Long.class).single();
    }

    /** Advisory lock class of a run being computed ({@code RUN}); the second key is the run id. */
    private static final int COMPUTING = 0x52554E;

    /** Called inside the run's transaction: says, to every instance, that this run is being computed. */
    public void holdWhileComputing(long runId) {
        jdbc.sql("select pg_advisory_xact_lock(?, (?::bigint % 2147483647)::int)").param(COMPUTING).param(runId)
                .query((rs, n) -> 1).list();
    }

    /** Runs left RUNNING by a process that died (no transaction holds their lock): refused with that reason. */
    @Transactional
    public int refuseAbandoned(String message) {
        return jdbc.sql("""
                update policy.entitlement_run set status = 'REFUSED', error = ?, finished_at = now()
                 where status = 'RUNNING' and pg_try_advisory_xact_lock(?, (id % 2147483647)::int)
                """).param(message).param(COMPUTING).update();
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void refuse(long runId, String message) {
        jdbc.sql("update policy.entitlement_run set status = 'REFUSED', error = ?, finished_at = now() where id = ?")
                .param(message.length() > 1000 ? message.substring(0, 1000) : message).param(runId).update();
    }

    /** Totals from the stored entitlements; called inside the run's transaction. */
    public void finish(long runId, List<ResolvedParameter> used, String tieBreak) {
        jdbc.sql("""
                update policy.entitlement_run r set status = 'DONE', finished_at = now(), parameters = :parameters,
                       tie_break = :tieBreak, population = t.population, eligible = t.eligible, capped = t.capped,
                       cut = t.cut, total_fen = t.total
                  from (select count(*) as population,
                               count(*) filter (where decision in ('ELIGIBLE', 'CAPPED')) as eligible,
                               count(*) filter (where decision = 'CAPPED') as capped,
                               count(*) filter (where decision = 'CUT') as cut,
                               coalesce(sum(amount_fen), 0) as total
                          from policy.entitlement where run_id = :run) t
                 where r.id = :run
                """).param("parameters", json.writeValueAsString(used)).param("tieBreak", tieBreak).param("run", runId)
                .update();
    }

    public Optional<RunView> find(DataScope scope, long id) {
        return jdbc.sql(RUN + " where r.id = ? and starts_with(o.path, ?)").param(id).param(scope.orgPath())
                .query(this::run).optional();
    }

    /** The official, finished runs in scope, newest first: what a batch can be made from. */
    public List<RunView> payable(DataScope scope) {
        return jdbc.sql(RUN + " where r.kind = 'OFFICIAL' and r.status = 'DONE' and starts_with(o.path, ?) order by r.id desc limit 200")
                .param(scope.orgPath()).query(this::run).list();
    }

    public List<RunView> ofProgram(long programId) {
        return jdbc.sql(RUN + " where r.program_id = ? order by r.id desc limit 50").param(programId).query(this::run)
                .list();
    }

    public List<EntitlementView> entitlements(long runId, Decision decision, String q, Long after, int limit) {
        return jdbc.sql("""
                select * from policy.entitlement where run_id = :run and (:decision::text is null or decision = :decision)
                   and (:q::text is null or name like :q or region_code = :code)
                   and (:after::bigint is null or subject_id > :after)
                 order by subject_id limit :limit
                """).param("run", runId).param("decision", decision == null ? null : decision.name())
                .param("q", q == null || q.isBlank() ? null : "%" + q.strip() + "%").param("code", q == null ? null : q.strip())
                .param("after", after).param("limit", limit).query(RunRepository::entitlement).list();
    }

    public Optional<EntitlementView> entitlement(long runId, long subjectId) {
        return jdbc.sql("select * from policy.entitlement where run_id = ? and subject_id = ?").param(runId).param(subjectId)
                .query(RunRepository::entitlement).optional();
    }

    /** The totals; each cause of exclusion is named by {@code causeName} from its reason code. */
    public RunTotals totals(long runId, java.util.function.UnaryOperator<String> causeName) {
        List<RunTotals.Line> exclusions = jdbc.sql("""
                select reason_code, count(*) from policy.entitlement
                 where run_id = ? and decision in ('INELIGIBLE', 'CUT') group by 1 order by 2 desc, 1
                """).param(runId).query((rs, n) -> new RunTotals.Line(rs.getString(1), causeName.apply(rs.getString(1)),
                rs.getLong(2), 0, "0.00")).list();
        return new RunTotals(lines(runId, "e.region_code", "left join org.v_region g on g.code = e.region_code", "g.name"),
                lines(runId, "coalesce(e.grouping, '-')", "", "coalesce(e.grouping, '-')"), exclusions);
    }

    private List<RunTotals.Line> lines(long runId, String key, String join, String name) {
        return jdbc.sql("select " + key + " as code, " + name + " as name, "
                + "count(*) filter (where e.decision in ('ELIGIBLE', 'CAPPED')) as people, coalesce(sum(e.amount_fen), 0) as fen "
                + "from policy.entitlement e " + join + " where e.run_id = ? group by 1, 2 order by 1").param(runId)
                .query((rs, n) -> new RunTotals.Line(rs.getString("code"), rs.getString("name"), rs.getLong("people"),
                        rs.getLong("fen"), Money.ofFen(rs.getLong("fen")).toYuanString())).list();
    }

    public RunComparison compare(long a, long b) {
        String diff = """
                from (select * from policy.entitlement where run_id = :a) x
                full join (select * from policy.entitlement where run_id = :b) y on x.subject_id = y.subject_id
                where coalesce(x.amount_fen, 0) <> coalesce(y.amount_fen, 0)
                """;
        record Summary(long gained, long gainedFen, long lost, long lostFen) {
        }
        Summary s = jdbc.sql("""
                select count(*) filter (where coalesce(y.amount_fen, 0) > coalesce(x.amount_fen, 0)),
                       coalesce(sum(coalesce(y.amount_fen, 0) - coalesce(x.amount_fen, 0))
                                filter (where coalesce(y.amount_fen, 0) > coalesce(x.amount_fen, 0)), 0),
                       count(*) filter (where coalesce(y.amount_fen, 0) < coalesce(x.amount_fen, 0)),
                       coalesce(sum(coalesce(x.amount_fen, 0) - coalesce(y.amount_fen, 0))
                                filter (where coalesce(y.amount_fen, 0) < coalesce(x.amount_fen, 0)), 0)
                """ + diff).param("a", a).param("b", b).query((rs, n) -> new Summary(rs.getLong(1), rs.getLong(2),
                rs.getLong(3), rs.getLong(4))).single();
        List<RunComparison.Change> changes = jdbc.sql("""
                select coalesce(x.subject_id, y.subject_id), coalesce(x.name, y.name), coalesce(x.region_code, y.region_code),
                       x.amount_fen, y.amount_fen, x.decision, y.decision
                """ + diff + " order by 1 limit 500").param("a", a).param("b", b).query((rs, n) -> {
                    long fa = rs.getLong(4);
                    boolean na = rs.wasNull();
                    long fb = rs.getLong(5);
                    boolean nb = rs.wasNull();
                    return new RunComparison.Change(rs.getLong(1), rs.getString(2), rs.getString(3),
                            na ? null : Money.ofFen(fa).toYuanString(), nb ? null : Money.ofFen(fb).toYuanString(),
                            rs.getString(6), rs.getString(7));
                }).list();
        long totalA = total(a);
        long totalB = total(b);
        return new RunComparison(a, b, Money.ofFen(totalA).toYuanString(), Money.ofFen(totalB).toYuanString(),
                s.gained(), Money.ofFen(s.gainedFen()).toYuanString(), s.lost(), Money.ofFen(s.lostFen()).toYuanString(),
                changes);
    }

    private long total(long run) {
        return jdbc.sql("select total_fen from policy.entitlement_run where id = ?").param(run).query(Long.class).single();
    }

    private RunView run(ResultSet rs, int n) throws SQLException {
        String parameters = rs.getString("parameters");
        long total = rs.getLong("total_fen");
        Timestamp started = rs.getTimestamp("started_at");
        return new RunView(rs.getLong("id"), rs.getLong("program_id"), rs.getString("program_name"), rs.getInt("year"),
                rs.getString("kind"), rs.getDate("reference_date").toLocalDate(), rs.getInt("rule_version"),
                rs.getString("status"), rs.getString("error"), rs.getInt("population"), rs.getInt("eligible"),
                rs.getInt("capped"), rs.getInt("cut"), Money.ofFen(total).toYuanString(), Money.ofFen(total).toWanYuanString(),
                parameters == null ? List.of() : Arrays.asList(json.readValue(parameters, ResolvedParameter[].class)),
                rs.getString("tie_break"), rs.getString("started_by"), started.toInstant());
    }

    private static EntitlementView entitlement(ResultSet rs, int n) throws SQLException {
        long income = rs.getLong("income_fen");
        boolean noIncome = rs.wasNull();
        long cost = rs.getLong("cost_fen");
        boolean noCost = rs.wasNull();
        return new EntitlementView(rs.getLong("subject_id"), rs.getString("name"), rs.getString("region_code"),
                rs.getString("grouping"), rs.getString("employment"), noIncome ? null : Money.ofFen(income).toYuanString(),
                rs.getBoolean("in_register"), noCost ? null : Money.ofFen(cost).toYuanString(),
                Decision.valueOf(rs.getString("decision")), Money.ofFen(rs.getLong("amount_fen")).toYuanString(),
                rs.getString("reason_code"), rs.getString("explanation"));
    }
}
