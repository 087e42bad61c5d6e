package cn.unionaid.funds;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.unionaid.audit.AuditLog;
import cn.unionaid.funds.internal.LedgerRepository;
import cn.unionaid.platform.BusinessRuleException;
import cn.unionaid.platform.CurrentUser;
import cn.unionaid.platform.DataScope;
import cn.unionaid.shared.FundSource;
import cn.unionaid.shared.LunarDates;
import cn.unionaid.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Budgets, receipts and reallocations of the caller's union, the ledger per source, and the operations the
 * disbursement module books on it. Reservations take a transaction-scoped lock per union, year and source, so
 * two approvals at once can never together spend more than is available.
 */
@Service
public class Funds {

    static final String READERS = "hasAnyRole('CLERK', 'REVIEWER', 'LEADER', 'FINANCE', 'AUDITOR', 'EVALUATOR')";

    private final LedgerRepository ledger;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final org.springframework.jdbc.core.JdbcTemplate template;

    Funds(LedgerRepository ledger, JdbcClient jdbc, AuditLog audit, org.springframework.jdbc.core.JdbcTemplate template) {
        this.template = template;
        this.ledger = ledger;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @PreAuthorize("hasRole('FINANCE')")
    @Transactional
    public void setBudget(DataScope scope, int year, Long programId, FundSource source, Money amount) {
        if (source == null || amount == null || amount.isNegative()) {
            throw BusinessRuleException.invalid("funds.error.budget");
        }
        if (programId != null) {
            requireProgram(scope, programId);
        }
        jdbc.sql("""
                insert into funds.budget_line (org_id, year, program_id, source, amount_fen, created_by) values (?, ?, ?, ?, ?, ?)
                on conflict (org_id, year, coalesce(program_id, 0), source) do update set amount_fen = excluded.amount_fen
                """).param(scope.orgId()).param(year).param(programId).param(source.name()).param(amount.fen())
                .param(CurrentUser.require().getUsername()).update();
        audit.record("funds.budgetSet", "budget_line", scope.orgId() + ":" + year, Map.of("source", source.name(),
                "programId", programId == null ? "" : programId, "amountFen", amount.fen()));
    }

    @PreAuthorize("hasRole('FINANCE')")
    @Transactional
    public void recordReceipt(DataScope scope, int year, FundSource source, LocalDate date, Money amount, String voucher,
            String note) {
        if (source == null || date == null || amount == null || amount.fen() <= 0 || voucher == null || voucher.isBlank()) {
            throw BusinessRuleException.invalid("funds.error.receipt");
        }
        String by = CurrentUser.require().getUsername();
        jdbc.sql("""
                insert into funds.fund_receipt (org_id, year, source, received_on, amount_fen, voucher, note, recorded_by)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                """).param(scope.orgId()).param(year).param(source.name()).param(Date.valueOf(date)).param(amount.fen())
                .param(voucher.strip()).param(note).param(by).update();
        ledger.append(scope.orgId(), year, source, null, LedgerKind.RECEIPT, date, amount.fen(), voucher.strip(), null,
                null, note, by);
        audit.record("funds.received", "fund_receipt", voucher.strip(), Map.of("source", source.name(), "amountFen",
                amount.fen(), "date", date.toString()));
    }

    @PreAuthorize("hasRole('FINANCE')")
    @Transactional
    public long requestReallocation(DataScope scope, int year, FundSource source, long fromProgram, long toProgram,
            Money amount, String reason) {
        requireProgram(scope, fromProgram);
        requireProgram(scope, toProgram);
        if (fromProgram == toProgram || amount == null || amount.fen() <= 0 || reason == null || reason.isBlank()) {
            throw BusinessRuleException.invalid("funds.error.reallocation");
        }
        long id = jdbc.sql("""
                insert into funds.reallocation (org_id, year, source, from_program_id, to_program_id, amount_fen, reason, status,
                                          requested_by) values (?, ?, ?, ?, ?, ?, ?, 'REQUESTED', ?) returning id
                """).param(scope.orgId()).param(year).param(source.name()).param(fromProgram).param(toProgram)
                .param(amount.fen()).param(reason.strip()).param(CurrentUser.require().getUsername()).query(Long.class)
                .single();
        audit.record("funds.reallocationRequested", "reallocation", id, Map.of("amountFen", amount.fen(), "reason",
                reason.strip()));
        return id;
    }

    @PreAuthorize("hasAnyRole('LEADER', 'REVIEWER')")
    @Transactional
    public void approveReallocation(DataScope scope, long id) {
        String requestedBy = jdbc.sql("select requested_by from funds.reallocation where id = ? and org_id = ? and status = 'REQUESTED'")
                .param(id).param(scope.orgId()).query(String.class).optional()
                .orElseThrow(() -> BusinessRuleException.notFound("funds.error.reallocationNotFound"));
        String by = CurrentUser.require().getUsername();
        if (requestedBy.equals(by)) {
            throw BusinessRuleException.forbidden("policy.error.fourEyes");
        }
        jdbc.sql("update funds.reallocation set status = 'APPROVED', decided_by = ?, decided_at = now() where id = ?").param(by)
                .param(id).update();
        audit.record("funds.reallocationApproved", "reallocation", id, Map.of());
    }

    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public List<SourceBalance> balances(DataScope scope, int year, Long programId, LocalDate asOf) {
        return ledger.balances(scope.orgId(), year, programId, asOf);
    }

    /**
     * What the union's year spent outside any program as of {@code asOf} (payments less returns booked without a
     * program, e.g. a working fund paid to an association): the part of the year's total no program accounts for.
     */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public long spentOutsidePrograms(DataScope scope, int year, LocalDate asOf) {
        return jdbc.sql("""
                select coalesce(sum(case kind when 'PAYMENT' then amount_fen else -amount_fen end), 0) from funds.ledger_day
                 where org_id = ? and year = ? and program_id is null and kind in ('PAYMENT', 'RETURN') and entry_date <= ?
                """).param(scope.orgId()).param(year).param(asOf).query(Long.class).single();
    }

    /** A reallocation as the page lists it. */
    public record Reallocation(long id, String source, String fromProgram, String toProgram, String amountYuan, String reason,
            String status, String requestedBy, String decidedBy) {
    }

    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public List<Reallocation> reallocations(DataScope scope, int year) {
        return jdbc.sql("""
                select r.*, f.name as from_name, t.name as to_name from funds.reallocation r
                  join policy.v_program f on f.id = r.from_program_id join policy.v_program t on t.id = r.to_program_id
                 where r.org_id = ? and r.year = ? order by r.id
                """).param(scope.orgId()).param(year).query((rs, n) -> new Reallocation(rs.getLong("id"),
                FundSource.valueOf(rs.getString("source")).label(), rs.getString("from_name"), rs.getString("to_name"),
                Money.ofFen(rs.getLong("amount_fen")).toYuanString(), rs.getString("reason"), rs.getString("status"),
                rs.getString("requested_by"), rs.getString("decided_by"))).list();
    }

    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public void forEachLedgerEntry(DataScope scope, int year, FundSource source, java.util.function.Consumer<LedgerEntry> each) {
        ledger.forEachEntry(scope.orgId(), year, source, each);
    }

    /** Spending month by month, cumulative, from January of the year to the month after the next Spring Festival. */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public List<Map<String, Object>> monthlySpent(DataScope scope, int year) {
        return jdbc.sql("""
                with months as (select generate_series(make_date(?, 1, 1), make_date(? + 1, 2, 1), interval '1 month')::date as m)
                select to_char(m, 'YYYY-MM') as month,
                       coalesce((select sum(case kind when 'PAYMENT' then amount_fen else -amount_fen end) from funds.ledger_day
                                  where org_id = ? and year = ? and kind in ('PAYMENT', 'RETURN')
                                    and entry_date < (m + interval '1 month')::date), 0) as spent
                  from months order by m
                """).param(year).param(year).param(scope.orgId()).param(year)
                .query((rs, n) -> Map.<String, Object>of("name", rs.getString("month"),
                        "value", Money.ofFen(rs.getLong("spent")).toYuanString())).list();
    }

    /** Execution of the year's budget at 年末, 元旦 and 春节 (targets: 50 % by 元旦, 100 % by 春节). */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public List<Milestone> milestones(DataScope scope, int year) {
        List<Milestone> list = new ArrayList<>();
        LocalDate yearEnd = LocalDate.of(year, 12, 31);
        list.add(milestone(scope, year, "年末", yearEnd, 0));
        list.add(milestone(scope, year, "元旦", LocalDate.of(year + 1, 1, 1), 50));
        list.add(milestone(scope, year, "春节", LunarDates.springFestival(year + 1), 100));
        return list;
    }

    private Milestone milestone(DataScope scope, int year, String name, LocalDate date, int target) {
        List<SourceBalance> b = ledger.balances(scope.orgId(), year, null, date);
        long spent = b.stream().mapToLong(SourceBalance::spentFen).sum();
        long budget = b.stream().mapToLong(SourceBalance::budgetFen).sum();
        boolean met = budget > 0 && spent * 100 >= (long) target * budget;
        return new Milestone(name, date, target, spent, budget, SourceBalance.percent(spent, budget), met);
    }

    /**
     * Reserves money for an approved batch: refused when it exceeds what has been received and is not yet reserved
     * or spent for the source, or what is left of the program's budget line for it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void reserve(BatchLedger on, long amountFen, LocalDate date) {
        checkAvailable(on.orgId(), on.year(), on.source(), amountFen);
        boolean programHasBudget = jdbc.sql("""
                select exists(select 1 from funds.budget_line where org_id = ? and year = ? and program_id = ? and source = ?)
                """).param(on.orgId()).param(on.year()).param(on.programId()).param(on.source().name())
                .query(Boolean.class).single();
        if (programHasBudget) {
            SourceBalance line = find(ledger.balances(on.orgId(), on.year(), on.programId(), LocalDate.of(9999, 12, 31)),
                    on.source());
            long room = line.budgetFen() - line.reservedFen() - line.spentFen();
            if (amountFen > room) {
                throw BusinessRuleException.conflict("funds.error.overBudget", on.source().label(),
                        Money.ofFen(room).toYuanString(), Money.ofFen(amountFen).toYuanString());
            }
        }
        ledger.append(on.orgId(), on.year(), on.source(), on.programId(), LedgerKind.RESERVE, date, amountFen,
                "批次" + on.batchId(), on.batchId(), null, null, CurrentUser.require().getUsername());
    }

    /** Locks the source and refuses an outflow larger than what is available (used by allocations). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void checkAvailable(long orgId, int year, FundSource source, long amountFen) {
        jdbc.sql("select pg_advisory_xact_lock(?, ?)").param((int) orgId).param((year * 100) + source.ordinal())
                .query((rs, n) -> 1).list();
        SourceBalance all = find(ledger.balances(orgId, year, null, LocalDate.of(9999, 12, 31)), source);
        if (amountFen > all.availableFen()) {
            throw BusinessRuleException.conflict("funds.error.insufficient", source.label(),
                    Money.ofFen(all.availableFen()).toYuanString(), Money.ofFen(amountFen).toYuanString());
        }
    }

    /** Books one movement of a batch or item (release, payment, return, refund) on its source's ledger. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void book(BatchLedger on, Movement m) {
        if (m.kind() == LedgerKind.RESERVE || m.kind() == LedgerKind.RECEIPT) {
            throw new IllegalArgumentException(m.kind() + " has its own operation");
        }
        ledger.append(on.orgId(), on.year(), on.source(), on.programId(), m.kind(), m.entryDate(), m.amountFen(), m.voucher(),
                on.batchId(), m.itemId(), m.note(), CurrentUser.require().getUsername());
    }

    /** One movement a batch causes on its ledger (a payment, a return, a release, a refund), in booking order. */
    public record Movement(LedgerKind kind, LocalDate entryDate, long amountFen, String voucher, Long itemId, String note) {
    }

    /**
     * Movements another module has staged in a temporary table of its own transaction, one row per ledger entry, with
     * the columns {@link #COLUMNS}: {@code seq} (booking order), {@code kind}, {@code entry_date}, {@code amount_fen},
     * {@code voucher}, {@code item_id}, {@code note}. A statement of 800,000 lines books its entries from there in one
     * statement instead of carrying them through the Java heap.
     */
    public record StagedMovements(String table) {

        public static final String COLUMNS = "seq, kind, entry_date, amount_fen, voucher, item_id, note";

        public StagedMovements {
            if (table == null || !table.matches("[a-z][a-z0-9_]{0,62}")) {
                throw new IllegalArgumentException("a temporary table's name: " + table);
            }
        }
    }

    /**
     * Books the staged movements another module causes on the batch's source ledger, in their order, in one statement;
     * the same kinds as {@link #book} are allowed (reservations and receipts have their own operations). Answers the
     * number of entries booked.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long bookMovements(BatchLedger on, StagedMovements staged) {
        boolean foreign = jdbc.sql("select exists (select 1 from pg_temp.%s where kind not in ('RELEASE', 'PAYMENT', 'RETURN', 'REFUND'))"
                .formatted(staged.table())).query(Boolean.class).single();
        if (foreign) {
            throw new IllegalArgumentException("reservations and receipts have their own operations");
        }
        return jdbc.sql("""
                insert into funds.ledger_entry (org_id, year, source, program_id, kind, entry_date, amount_fen, voucher, batch_id,
                                                item_id, note, created_by)
                select :org, :year, :source, :program, kind, entry_date, amount_fen, voucher, :batch, item_id, note, :by
                  from pg_temp.%s order by seq
                """.formatted(staged.table())).param("org", on.orgId()).param("year", on.year())
                .param("source", on.source().name()).param("program", on.programId()).param("batch", on.batchId())
                .param("by", CurrentUser.require().getUsername()).update();
    }

    private static SourceBalance find(List<SourceBalance> balances, FundSource source) {
        return balances.stream().filter(b -> b.source() == source).findFirst()
                .orElse(new SourceBalance(source, 0, 0, 0, 0, 0));
    }

    private void requireProgram(DataScope scope, long programId) {
        Optional<Long> org = jdbc.sql("select p.org_id from policy.v_program p join org.v_organisation o on o.id = p.org_id "
                + "where p.id = ? and starts_with(o.path, ?)").param(programId).param(scope.orgPath()).query(Long.class)
                .optional();
        if (org.isEmpty()) {
            throw BusinessRuleException.notFound("policy.error.programNotFound");
        }
    }
}
