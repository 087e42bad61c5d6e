package cn.unionaid.evaluation;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.unionaid.disbursement.Payments;
import cn.unionaid.funds.Funds;
import cn.unionaid.platform.DataScope;
import cn.unionaid.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The year at a glance: execution month by month, spending by program, source and region, coverage, live findings
 * and the score.
 */
@Service
public class Dashboard {

    /** Chart series as {@code name → value} lists, ready for the page's bar charts. */
    public record View(List<Map<String, Object>> byMonth, List<Map<String, Object>> byProgram,
            List<Map<String, Object>> bySource,
            List<Map<String, Object>> byRegion, List<Map<String, Object>> findings, String coverage, String score,
            String grade) {
    }

    private final Payments payments;
    private final Funds funds;
    private final YearEvaluation evaluation;
    private final JdbcClient jdbc;

    Dashboard(Payments payments, Funds funds, YearEvaluation evaluation, JdbcClient jdbc) {
        this.payments = payments;
        this.funds = funds;
        this.evaluation = evaluation;
        this.jdbc = jdbc;
    }

    @PreAuthorize(EvaluationRoles.READERS)
    @Transactional(readOnly = true)
    public View build(DataScope scope, int year) {
        LocalDate cutOff = Metric.cutOff(year);
        List<Map<String, Object>> byProgram = payments.paidByProgram(scope, year).stream()
                .map(p -> Map.<String, Object>of("name", p.programName(), "value", Money.ofFen(p.amountFen()).toYuanString()))
                .toList();
        List<Map<String, Object>> bySource = funds.balances(scope, year, null, cutOff).stream()
                .map(b -> Map.<String, Object>of("name", b.source().label(), "value", Money.ofFen(b.spentFen()).toYuanString()))
                .toList();
        List<Map<String, Object>> byRegion = jdbc.sql("""
                select coalesce(r.name, x.region_code) as region, sum(i.amount_fen) as fen
                  from disbursement.v_paid_item k join disbursement.v_batch_item i on i.id = k.item_id
                  join policy.v_program p on p.id = k.program_id
                  join (select 'MODEL_WORKER' as t, id, region_code from registry.v_model_worker
                        union all select 'HOUSEHOLD', id, region_code from registry.v_household) x on x.t = i.subject_type and x.id = i.subject_id
                  left join org.v_region r on r.code = x.region_code
                 where p.org_id = :org and p.year = :year group by 1 order by 1
                """).param("org", scope.orgId())
                .param("year", year).query((rs, n) -> Map.<String, Object>of("name", rs.getString(1),
                "value", Money.ofFen(rs.getLong(2)).toYuanString())).list();
        List<Map<String, Object>> findings = jdbc.sql("""
                select check_code, count(*) from controls.v_finding f join org.v_organisation o on o.id = f.org_id
                 where starts_with(o.path, ?) and f.year = ? and f.status <> 'CLOSED' group by 1 order by 1
                """).param(scope.orgPath()).param(year).query((rs, n) -> Map.<String, Object>of("name",
                cn.unionaid.controls.ControlCheck.valueOf(rs.getString(1)).title(), "value", rs.getLong(2))).list();
        YearEvaluation.Evaluated evaluated = evaluation.evaluate(scope, year, Frame.SELF);
        java.math.BigDecimal coverage = evaluated.metrics().get(Metric.COVERAGE);
        return new View(funds.monthlySpent(scope, year), byProgram, bySource, byRegion, findings,
                coverage == null ? "-" : Scorer.plain(coverage) + "%",
                Scorer.plain(evaluated.score().score()), evaluated.grade());
    }
}
