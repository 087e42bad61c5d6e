package cn.unionaid.evaluation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.unionaid.disbursement.Payments;
import cn.unionaid.platform.DataScope;
import cn.unionaid.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Before a report is issued: do its figures agree with each other at the one cut-off date (docs/metrics.md)? The
 * year's total paid against the sum of its programs, the 人次 against the programs' people, each batch's total
 * against its payments and its payments against the ledger. Each disagreement is named with both figures; a report
 * with any is not issued.
 */
@Component
class ReportConsistency {

    private final JdbcClient jdbc;

    ReportConsistency(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The figures of the union's year that disagree, each in the user's words; empty when all agree. */
    List<String> disagreements(DataScope scope, int year, EvaluationReports.YearFigures figures) {
        LocalDate cutOff = Metric.cutOff(year);
        List<String> found = new ArrayList<>();
        long total = figures.spentFen();
        List<Payments.ProgramPaid> parts = figures.parts();
        long sumOfParts = parts.stream().mapToLong(Payments.ProgramPaid::amountFen).sum() + figures.outsidePrograms();
        if (sumOfParts != total) {
            found.add("截至" + cutOff + "各项目发放金额与未列入项目的支出合计 " + yuan(sumOfParts) + " 元，与年度发放总额 "
                    + yuan(total) + " 元不一致（相差 " + yuan(total - sumOfParts) + " 元）");
        }
        Map<Metric, BigDecimal> metrics = figures.evaluated().metrics();
        long people = parts.stream().mapToLong(Payments.ProgramPaid::people).sum();
        BigDecimal personTimes = metrics.get(Metric.PERSON_TIMES);
        if (personTimes != null && personTimes.longValue() != people) {
            found.add("帮扶人次 " + personTimes.toPlainString() + " 与各项目受助人数合计 " + people + " 不一致");
        }
        BigDecimal amount = metrics.get(Metric.AMOUNT_PAID);
        if (amount != null && amount.movePointRight(6).longValueExact() != total) {
            found.add("指标“发放金额” " + amount.toPlainString() + " 万元与年度发放总额 " + yuan(total) + " 元不一致");
        }
        jdbc.sql("""
                with batches as (
                    select b.id, b.title, b.total_fen from disbursement.v_batch b join policy.v_program p on p.id = b.program_id
                     where p.org_id = :org and p.year = :year and b.status <> 'CANCELLED'
                ), items as (
                    -- each batch's payments summed by status, kept as they are added and settled (V30)
                    select s.batch_id,
                           sum(s.amount_fen) filter (where s.status in ('PENDING', 'PAID', 'FAILED', 'RETURNED')) as live,
                           sum(s.amount_fen) filter (where s.status = 'PAID') as paid
                      from disbursement.v_batch_item_sum s where s.batch_id in (select id from batches) group by s.batch_id
                ), booked as (
                    -- the ledger's day sums (V28)
                    select l.batch_id, sum(case l.kind when 'PAYMENT' then l.amount_fen else -l.amount_fen end) as fen
                      from funds.v_ledger_day l
                     where l.batch_id in (select id from batches) and l.kind in ('PAYMENT', 'RETURN') group by l.batch_id
                )
                select b.id, b.title, b.total_fen, coalesce(i.live, 0) as live, coalesce(i.paid, 0) as paid,
                       coalesce(k.fen, 0) as booked
                  from batches b left join items i on i.batch_id = b.id left join booked k on k.batch_id = b.id
                 order by b.id
                """).param("org", scope.orgId()).param("year", year).query((rs, n) -> {
                    String name = "批次 " + rs.getLong(1) + "“" + rs.getString(2) + "”";
                    if (rs.getLong(3) != rs.getLong(4)) {
                        found.add(name + "金额合计 " + yuan(rs.getLong(3)) + " 元，与其发放明细 " + yuan(rs.getLong(4)) + " 元不一致");
                    }
                    if (rs.getLong(5) != rs.getLong(6)) {
                        found.add(name + "已支付明细 " + yuan(rs.getLong(5)) + " 元，与台账支付减退回 " + yuan(rs.getLong(6))
                                + " 元不一致");
                    }
                    return 1;
                }).list();
        return found;
    }

    private static String yuan(long fen) {
        return Money.ofFen(fen).toYuanString();
    }
}
