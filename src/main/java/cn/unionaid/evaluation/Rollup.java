package cn.unionaid.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.unionaid.controls.ControlCheck;
import cn.unionaid.controls.Controls;
import cn.unionaid.controls.Severity;
import cn.unionaid.funds.Allocations;
import cn.unionaid.funds.SourceBalance;
import cn.unionaid.org.OrganisationView;
import cn.unionaid.org.Organisations;
import cn.unionaid.platform.DataScope;
import cn.unionaid.platform.PageRequest;
import cn.unionaid.shared.FundSource;
import cn.unionaid.shared.Money;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 下级单位汇总: for a year, one row per union directly below the reader's, each with the figures that union's own
 * pages and self-evaluation report show (its own ledger and programs, at 31 December — docs/metrics.md; its own unions
 * below appear in its own roll-up) — budget by source, received (net of what it allocated down), allocated
 * further down, paid, people helped (人次: a person paid by two programs counts twice) and households, execution, open
 * findings by severity, self-evaluation score and grade, the third-party score where there is one, whether each report
 * was issued — and a total that is the sum of the rows. Allocations between unions move money, they do not spend it,
 * so 下拨 is shown beside 支出 and never added to it.
 */
@Service
public class Rollup {

    /** One fund source's budget. */
    public record SourceAmount(FundSource source, String label, long fen) {
    }

    /** One union's row. */
    public record Row(long orgId, String name, List<SourceAmount> budgetBySource, long budgetFen, long receivedFen,
            long allocatedDownFen, long paidFen, long people, long households, long openFindings,
            Map<String, Long> openBySeverity, String score, String grade, String thirdPartyScore,
            boolean selfReportIssued, boolean thirdPartyReportIssued, List<String> milestones) {

        public String budgetYuan() {
            return Money.ofFen(budgetFen).toYuanString();
        }

        public String receivedYuan() {
            return Money.ofFen(receivedFen).toYuanString();
        }

        public String allocatedDownYuan() {
            return Money.ofFen(allocatedDownFen).toYuanString();
        }

        public String paidYuan() {
            return Money.ofFen(paidFen).toYuanString();
        }

        /** 执行率: paid out of received, at 31 December. */
        public String execution() {
            return receivedFen == 0 ? "-" : BigDecimal.valueOf(paidFen * 100).divide(BigDecimal.valueOf(receivedFen), 2,
                    RoundingMode.HALF_UP).toPlainString() + "%";
        }

        /** 高 2 / 中 1 / 低 0. */
        public String severities() {
            return String.join(" / ", openBySeverity.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList());
        }

        public String reports() {
            return (selfReportIssued ? "自评已出具" : "自评未出具") + (thirdPartyScore == null ? ""
                    : thirdPartyReportIssued ? "，第三方已出具" : "，第三方未出具");
        }
    }

    /** The table: the rows and their sum. */
    public record Table(int year, List<Row> rows, Row total) {
    }

    /** A row with what the consolidated report needs beyond it: the union's scores per indicator and its findings. */
    record Child(Row row, Score score, Map<ControlCheck, Long> findings) {
    }

    private final Organisations organisations;
    private final EvaluationReports reports;
    private final Allocations allocations;
    private final Controls controls;
    private final cn.unionaid.funds.Funds funds;
    private final YearEvaluation evaluation;
    private final IndicatorSystems systems;
    private final cn.unionaid.audit.AuditExtracts extracts;

    Rollup(Organisations organisations, EvaluationReports reports, Allocations allocations, Controls controls,
            cn.unionaid.funds.Funds funds, YearEvaluation evaluation, IndicatorSystems systems,
            cn.unionaid.audit.AuditExtracts extracts) {
        this.funds = funds;
        this.organisations = organisations;
        this.reports = reports;
        this.allocations = allocations;
        this.controls = controls;
        this.evaluation = evaluation;
        this.systems = systems;
        this.extracts = extracts;
    }

    @PreAuthorize("hasAnyRole('LEADER', 'AUDITOR', 'EVALUATOR')")
    @Transactional(readOnly = true)
    public Table of(DataScope scope, int year) {
        List<Row> rows = children(scope, year).stream().map(Child::row).toList();
        return new Table(year, rows, total(scope, rows));
    }

    List<Child> children(DataScope scope, int year) {
        List<OrganisationView> below = organisations.visible(scope, PageRequest.of(null, null, PageRequest.MAX_SIZE))
                .items().stream().filter(o -> o.parentId() != null && o.parentId() == scope.orgId()).toList();
        List<Child> children = new ArrayList<>();
        for (OrganisationView union : below) {
            children.add(child(union, year));
        }
        return children;
    }

    private Child child(OrganisationView union, int year) {
        DataScope theirs = new DataScope(union.id(), union.path());
        EvaluationReports.YearFigures figures = reports.figures(theirs, year, Frame.SELF);
        List<SourceAmount> bySource = figures.balances().stream()
                .map(b -> new SourceAmount(b.source(), b.source().label(), b.budgetFen())).toList();
        long budget = figures.balances().stream().mapToLong(SourceBalance::budgetFen).sum();
        long received = figures.balances().stream().mapToLong(SourceBalance::receivedFen).sum();
        long paid = figures.parts().stream().mapToLong(p -> p.amountFen()).sum();
        long people = figures.parts().stream().mapToLong(p -> p.people()).sum();
        var evaluated = figures.evaluated();
        BigDecimal helped = evaluated.metrics().get(Metric.HOUSEHOLDS_HELPED);
        long households = helped == null ? 0 : helped.longValue();
        long down = allocations.list(theirs, year).stream().filter(a -> a.fromOrg().equals(union.name()))
                .mapToLong(a -> a.amountFen()).sum();
        Map<ControlCheck, Long> findings = controls.openByCheck(theirs, year);
        Map<String, Long> bySeverity = new LinkedHashMap<>();
        for (Severity s : Severity.values()) {
            bySeverity.put(s.label(), findings.entrySet().stream().filter(e -> e.getKey().severity() == s)
                    .mapToLong(Map.Entry::getValue).sum());
        }
        long open = findings.values().stream().mapToLong(Long::longValue).sum();
        // 执行进度 at 年末, 元旦 and 春节, as the union's own funds page states them (spent out of budget).
        List<String> milestones = funds.milestones(theirs, year).stream().map(cn.unionaid.funds.Milestone::rate).toList();
        List<String> issued = extracts.forEntity("evaluation", union.id() + ":" + year).stream()
                .filter(e -> "evaluation.reportIssued".equals(e.action())).map(e -> e.detail()).toList();
        boolean selfIssued = issued.stream().anyMatch(d -> d != null && d.contains("\"SELF\""));
        boolean thirdIssued = issued.stream().anyMatch(d -> d != null && d.contains("\"THIRD_PARTY\""));
        String thirdParty = null;
        if (thirdIssued || systems.customised(theirs, year, Frame.THIRD_PARTY)) {
            thirdParty = plain(evaluation.evaluate(theirs, year, Frame.THIRD_PARTY).score());
        }
        boolean noData = evaluated.nothingToEvaluate();
        Row row = new Row(union.id(), union.name(), bySource, budget, received, down, paid, people, households, open,
                bySeverity, noData ? null : plain(evaluated.score()), noData ? null : evaluated.grade(), thirdParty,
                selfIssued, thirdIssued, milestones);
        return new Child(row, evaluated.score(), findings);
    }

    private static String plain(Score score) {
        return score == null || score.score() == null ? null : score.score().setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    static Row total(DataScope scope, List<Row> rows) {
        Map<FundSource, Long> bySource = new LinkedHashMap<>();
        rows.forEach(r -> r.budgetBySource().forEach(s -> bySource.merge(s.source(), s.fen(), Long::sum)));
        Map<String, Long> bySeverity = new LinkedHashMap<>();
        rows.forEach(r -> r.openBySeverity().forEach((k, v) -> bySeverity.merge(k, v, Long::sum)));
        return new Row(scope.orgId(), "合计", bySource.entrySet().stream()
                .map(e -> new SourceAmount(e.getKey(), e.getKey().label(), e.getValue())).toList(),
                rows.stream().mapToLong(Row::budgetFen).sum(), rows.stream().mapToLong(Row::receivedFen).sum(),
                rows.stream().mapToLong(Row::allocatedDownFen).sum(), rows.stream().mapToLong(Row::paidFen).sum(),
                rows.stream().mapToLong(Row::people).sum(), rows.stream().mapToLong(Row::households).sum(),
                rows.stream().mapToLong(Row::openFindings).sum(), bySeverity, null, null, null,
                rows.stream().allMatch(Row::selfReportIssued), rows.stream().allMatch(Row::thirdPartyReportIssued), List.of());
    }
}
