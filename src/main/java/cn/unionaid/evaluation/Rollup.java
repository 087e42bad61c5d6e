package cn.unionaid.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import cn.unionaid.controls.Controls;
import cn.unionaid.funds.Allocations;
import cn.unionaid.funds.SourceBalance;
import cn.unionaid.org.OrganisationView;
import cn.unionaid.org.Organisations;
import cn.unionaid.platform.DataScope;
import cn.unionaid.platform.PageRequest;
import cn.unionaid.shared.Money;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 下级单位汇总: for a year, one row per union directly below the reader's, each with the figures that union's own
 * pages and reports show (its whole subtree, at 31 December) — budget, received, allocated further down, paid, people
 * helped (人次: a person paid by two programs counts twice), execution, open findings, self-evaluation score and
 * grade — and a total that is the sum of the rows. Allocations between unions move money, they do not spend it, so
 * 下拨 is shown beside 支出 and never added to it.
 */
@Service
public class Rollup {

    /** One union's row. */
    public record Row(long orgId, String name, long budgetFen, long receivedFen, long allocatedDownFen, long paidFen,
            long people, long openFindings, String score, String grade, List<String> milestones) {

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
    }

    /** The table: the rows and their sum. */
    public record Table(int year, List<Row> rows, Row total) {
    }

    private final Organisations organisations;
    private final EvaluationReports reports;
    private final Allocations allocations;
    private final Controls controls;
    private final cn.unionaid.funds.Funds funds;

    Rollup(Organisations organisations, EvaluationReports reports, Allocations allocations, Controls controls,
            cn.unionaid.funds.Funds funds) {
        this.funds = funds;
        this.organisations = organisations;
        this.reports = reports;
        this.allocations = allocations;
        this.controls = controls;
    }

    @PreAuthorize("hasAnyRole('LEADER', 'AUDITOR', 'EVALUATOR')")
    @Transactional(readOnly = true)
    public Table of(DataScope scope, int year) {
        List<OrganisationView> below = organisations.visible(scope, PageRequest.of(null, null, PageRequest.MAX_SIZE))
                .items().stream().filter(o -> o.parentId() != null && o.parentId() == scope.orgId()).toList();
        List<Row> rows = new ArrayList<>();
        for (OrganisationView union : below) {
            DataScope theirs = new DataScope(union.id(), union.path());
            EvaluationReports.YearFigures figures = reports.figures(theirs, year, Frame.SELF);
            long budget = figures.balances().stream().mapToLong(SourceBalance::budgetFen).sum();
            long received = figures.balances().stream().mapToLong(SourceBalance::receivedFen).sum();
            long paid = figures.parts().stream().mapToLong(p -> p.amountFen()).sum();
            long people = figures.parts().stream().mapToLong(p -> p.people()).sum();
            long down = allocations.list(theirs, year).stream().filter(a -> a.fromOrg().equals(union.name()))
                    .mapToLong(a -> a.amountFen()).sum();
            long open = controls.openByCheck(theirs, year).values().stream().mapToLong(Long::longValue).sum();
            var evaluated = figures.evaluated();
            // 执行进度 at 年末, 元旦 and 春节, as the union's own funds page states them (spent out of budget).
            List<String> milestones = funds.milestones(theirs, year).stream().map(cn.unionaid.funds.Milestone::rate).toList();
            rows.add(new Row(union.id(), union.name(), budget, received, down, paid, people, open,
                    evaluated.score() == null || evaluated.score().score() == null ? null
                            : evaluated.score().score().setScale(2, RoundingMode.HALF_UP).toPlainString(),
                    evaluated.grade(), milestones));
        }
        Row total = new Row(scope.orgId(), "合计", rows.stream().mapToLong(Row::budgetFen).sum(),
                rows.stream().mapToLong(Row::receivedFen).sum(), rows.stream().mapToLong(Row::allocatedDownFen).sum(),
                rows.stream().mapToLong(Row::paidFen).sum(), rows.stream().mapToLong(Row::people).sum(),
                rows.stream().mapToLong(Row::openFindings).sum(), null, null, List.of());
        return new Table(year, rows, total);
    }
}
