package cn.unionaid.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.unionaid.audit.AuditLog;
import cn.unionaid.disbursement.PaidItems;
import cn.unionaid.registry.OnFile;
import cn.unionaid.funds.Funds;
import cn.unionaid.funds.SourceBalance;
import cn.unionaid.platform.BusinessRuleException;
import cn.unionaid.platform.CurrentUser;
import cn.unionaid.platform.DataScope;
import cn.unionaid.platform.files.FileStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The actuals of a union's year (实际完成值): each {@link Metric} computed with set-based SQL from that year's
 * programs, paid items, ledger, findings and surveys only; and the manual entries, each with its evidence file,
 * for leaves the system cannot measure. A metric the year has no data for (no payment yet) is absent, not zero.
 */
@Service
public class YearActuals {

    /** A manual actual with the evidence it rests on. */
    public record ManualActual(String indicatorCode, BigDecimal value, String evidenceKey, String evidenceName, String note,
            String recordedBy) {
    }

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final JdbcClient jdbc;
    private final Funds funds;
    private final SatisfactionSurveys surveys;
    private final FileStore files;
    private final AuditLog audit;
    private final IndicatorSystems systems;

    YearActuals(JdbcClient jdbc, Funds funds, SatisfactionSurveys surveys, FileStore files, AuditLog audit,
            IndicatorSystems systems) {
        this.systems = systems;
        this.jdbc = jdbc;
        this.funds = funds;
        this.surveys = surveys;
        this.files = files;
        this.audit = audit;
    }

    /**
     * The year's metrics as of its cut-off date ({@link Metric#cutOff}), each by its written definition
     * ({@link Metric#definition()}, docs/metrics.md), from dated facts only.
     */
    @PreAuthorize(EvaluationRoles.READERS)
    @Transactional(readOnly = true)
    public Map<Metric, BigDecimal> metrics(DataScope scope, int year) {
        return measure(scope, year).metrics();
    }

    /**
     * The year measured at its cut-off: its metrics and the balances by source they stand on (budget, received, spent),
     * which the report prints beside them, so both come from one reading.
     */
    public record Measured(Map<Metric, BigDecimal> metrics, List<SourceBalance> balances) {

        /**
         * A union-year with no budget, no money received and nothing paid has nothing to evaluate (无评价对象): it is
         * given no score and no grade (never 差), in the report, the pages and the roll-up alike.
         */
        public boolean nothingToEvaluate() {
            return balances.stream().allMatch(b -> b.budgetFen() == 0 && b.receivedFen() == 0 && b.spentFen() == 0);
        }
    }

    @PreAuthorize(EvaluationRoles.READERS)
    @Transactional(readOnly = true)
    public Measured measure(DataScope scope, int year) {
        Map<Metric, BigDecimal> m = new EnumMap<>(Metric.class);
        LocalDate cutOff = Metric.cutOff(year);
        List<SourceBalance> balances = funds.balances(scope, year, null, cutOff);
        long budget = balances.stream().mapToLong(SourceBalance::budgetFen).sum();
        long spent = balances.stream().mapToLong(SourceBalance::spentFen).sum();
        put(m, Metric.FUNDING_RATE, percent(balances.stream().mapToLong(SourceBalance::receivedFen).sum(), budget));
        put(m, Metric.EXECUTION_RATE, percent(spent, budget));
        // People, 人次, paid items and those on time are kept as payments are booked (PaidItems at the year's end, V29):
        // a few rows per program and per kind of person. Only the items with an open finding (few) are looked at here.
        jdbc.sql("""
                with programs as (
                    select p.id from policy.v_program p where p.org_id = :org and p.year = :year
                ), counts as (
                    select coalesce(sum(k.people), 0) as person_times, coalesce(sum(k.items), 0) as items,
                           coalesce(sum(k.on_time), 0) as on_time
                      from disbursement.v_paid_program k where k.program_id in (select id from programs)
                ), helped as (
                    select coalesce(sum(y.subjects) filter (where y.subject_type = 'MODEL_WORKER'), 0) as model_workers,
                           coalesce(sum(y.subjects) filter (where y.subject_type = 'HOUSEHOLD'), 0) as households
                      from disbursement.v_paid_year y where y.org_id = :org and y.year = :year
                ), flagged as (
                    select substr(f.subject_key, 6)::bigint as item_id,
                           bool_or(f.check_code in ('DECEASED_PAYEE', 'NOT_IN_REGISTER', 'OUTSIDE_POPULATION')) as wrong_person,
                           bool_or(f.check_code = 'OFF_STANDARD') as wrong_amount
                      from controls.v_finding f
                     where f.status <> 'CLOSED' and f.subject_key like 'item:%'
                       and f.check_code in ('DECEASED_PAYEE', 'NOT_IN_REGISTER', 'OUTSIDE_POPULATION', 'OFF_STANDARD')
                     group by f.subject_key
                ), wrong as (
                    select count(*) filter (where f.wrong_person) as person, count(*) filter (where f.wrong_amount) as amount
                      from flagged f join disbursement.v_paid_item k on k.item_id = f.item_id
                     where k.program_id in (select id from programs)
                )
                select h.model_workers, h.households, c.person_times, c.items, c.items - w.person, c.items - w.amount,
                       c.on_time, h.model_workers + h.households
                  from counts c, helped h, wrong w
                """).param("org", scope.orgId()).param("year", year)
                .query(rs -> {
                    rs.next();
                    long items = rs.getLong(4);
                    m.put(Metric.MODEL_WORKERS_HELPED, BigDecimal.valueOf(rs.getLong(1)));
                    m.put(Metric.HOUSEHOLDS_HELPED, BigDecimal.valueOf(rs.getLong(2)));
                    m.put(Metric.PERSON_TIMES, BigDecimal.valueOf(rs.getLong(3)));
                    put(m, Metric.ELIGIBILITY_ACCURACY, percent(rs.getLong(5), items));
                    put(m, Metric.STANDARD_ACCURACY, percent(rs.getLong(6), items));
                    put(m, Metric.TIMELINESS, percent(rs.getLong(7), items));
                    put(m, Metric.COVERAGE, percent(rs.getLong(8), onFile(scope, cutOff)));
                    return Boolean.TRUE;
                });
        m.put(Metric.AMOUNT_PAID, BigDecimal.valueOf(spent).movePointLeft(6));
        // Paid by bank transfer to a person: the year's payments that name an item (the ledger's day sums), less those
        // whose item went to an organisation's account (an open finding: few, found through the ledger's item index).
        jdbc.sql("""
                with paid as (
                    select coalesce(sum(d.amount_fen), 0) as total, coalesce(sum(d.amount_fen) filter (where d.itemised), 0) as itemised
                      from funds.v_ledger_day d
                     where d.org_id = :org and d.year = :year and d.kind = 'PAYMENT' and d.entry_date <= :cutOff
                ), to_organisation as (
                    select coalesce(sum(l.amount_fen), 0) as fen from funds.v_ledger_entry l
                     where l.item_id in (select substr(f.subject_key, 6)::bigint from controls.v_finding f
                                          where f.check_code = 'ORGANISATION_ACCOUNT' and f.status <> 'CLOSED')
                       and l.org_id = :org and l.year = :year and l.kind = 'PAYMENT' and l.entry_date <= :cutOff
                )
                select paid.total, paid.itemised - to_organisation.fen from paid, to_organisation
                """).param("org", scope.orgId()).param("year", year).param("cutOff", cutOff).query(rs -> {
                    rs.next();
                    put(m, Metric.PAYMENT_METHOD_COMPLIANCE, percent(rs.getLong(2), rs.getLong(1)));
                    return Boolean.TRUE;
                });
        jdbc.sql("""
                select count(distinct i.id) filter (where h.status = 'REMOVED'),
                       count(distinct i.id) filter (where h.status = 'ACCEPTED')
                  from crosscheck.v_cross_check_hit h join disbursement.v_batch_item i on i.id = h.batch_item_id join policy.v_program p on p.id = i.program_id
                 where p.org_id = ? and p.year = ? and h.resolved_at < (?::date + 1)
                """).param(scope.orgId()).param(year).param(cutOff).query(rs -> {
                    rs.next();
                    m.put(Metric.CROSS_CHECK_STOPPED, BigDecimal.valueOf(rs.getLong(1)));
                    m.put(Metric.CROSS_CHECK_ACCEPTED, BigDecimal.valueOf(rs.getLong(2)));
                    return Boolean.TRUE;
                });
        m.put(Metric.FINDINGS, BigDecimal.valueOf(jdbc.sql("""
                select count(*) from controls.v_finding where org_id = ? and year = ? and status <> 'CLOSED'
                """).param(scope.orgId()).param(year).query(Long.class).single()));
        List<SurveyView> yearSurveys = surveys.ofYear(scope, year);
        long answered = yearSurveys.stream().mapToLong(SurveyView::answered).sum();
        long satisfied = yearSurveys.stream().mapToLong(SurveyView::satisfiedCount).sum();
        put(m, Metric.SATISFACTION, answered == 0 ? null : BigDecimal.valueOf(satisfied * 1000 / answered, 1));
        return new Measured(m, balances);
    }

    /**
     * The people on file in scope on {@code date} (在档人数), by {@link OnFile}'s definition: opened on or before it and
     * not, by then, deceased, revoked, lifted out of hardship or closed. Read from the day counts the register keeps as
     * archives are opened, closed and transferred ({@code registry.v_on_file_day}, V32), not from every archive.
     */
    private long onFile(DataScope scope, LocalDate date) {
        return jdbc.sql("""
                select coalesce(sum(d.delta), 0) from registry.v_on_file_day d join org.v_organisation o on o.id = d.org_id
                 where starts_with(o.path, :scope) and d.day <= :date
                """).param("scope", scope.orgPath()).param("date", date).query(Long.class).single();
    }

    @PreAuthorize(EvaluationRoles.DATA_ENTRY)
    @Transactional
    public ManualActual record(DataScope scope, int year, Frame frame, String indicatorCode, BigDecimal value,
            byte[] evidence, String evidenceName, String note) {
        if (indicatorCode == null || indicatorCode.isBlank() || value == null || value.signum() < 0) {
            throw BusinessRuleException.invalid("indicator.error.actual");
        }
        Indicator leaf = systems.of(scope, year, frame).find(indicatorCode.strip()).orElse(null);
        if (leaf == null || !leaf.isLeaf()) {
            throw BusinessRuleException.notFound("indicator.error.notFound", indicatorCode);
        }
        if (leaf.metric() != null) {
            throw BusinessRuleException.conflict("indicator.error.measured", leaf.name(), leaf.metric().label());
        }
        if (evidence == null || evidence.length == 0 || FileStore.documentType(evidence).isEmpty()) {
            throw BusinessRuleException.invalid("indicator.error.evidence", indicatorCode);
        }
        String name = evidenceName == null || evidenceName.isBlank() ? "证明材料" : evidenceName.strip();
        FileStore.Stored stored = files.save(evidence);
        jdbc.sql("""
                insert into evaluation.indicator_actual (org_id, year, frame, indicator_code, value, evidence_key, evidence_name, note,
                                              recorded_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).param(scope.orgId()).param(year).param(frame.name()).param(indicatorCode.strip()).param(value)
                .param(stored.key()).param(name.length() > 200 ? name.substring(0, 200) : name)
                .param(note == null || note.isBlank() ? null : note.strip()).param(CurrentUser.require().getUsername()).update();
        audit.record("indicator.actualRecorded", "indicator", scope.orgId() + ":" + year + ":" + indicatorCode.strip(),
                Map.of("frame", frame.name(), "value", value.toPlainString(), "evidenceSha256", stored.sha256()));
        return new ManualActual(indicatorCode.strip(), value, stored.key(), name, note, CurrentUser.require().getUsername());
    }

    /** The latest manual actual of each indicator of the union's year and frame. */
    @Transactional(readOnly = true)
    public Map<String, ManualActual> manual(DataScope scope, int year, Frame frame) {
        Map<String, ManualActual> map = new LinkedHashMap<>();
        jdbc.sql("""
                select indicator_code, value, evidence_key, evidence_name, note, recorded_by from evaluation.indicator_actual
                 where org_id = ? and year = ? and frame = ? order by id
                """).param(scope.orgId()).param(year).param(frame.name()).query((rs, n) -> map.put(rs.getString(1),
                new ManualActual(rs.getString(1), rs.getBigDecimal(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6)))).list();
        return map;
    }

    private static void put(Map<Metric, BigDecimal> m, Metric metric, BigDecimal value) {
        if (value != null) {
            m.put(metric, value);
        }
    }

    private static BigDecimal percent(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).multiply(HUNDRED).divide(BigDecimal.valueOf(whole), 2,
                RoundingMode.HALF_UP);
    }
}
