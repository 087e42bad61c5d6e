package cn.unionaid.disbursement;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import cn.unionaid.audit.AuditLog;
import cn.unionaid.disbursement.internal.BatchRepository;
import cn.unionaid.funds.BatchLedger;
import cn.unionaid.funds.Funds;
import cn.unionaid.funds.LedgerKind;
import cn.unionaid.platform.BusinessRuleException;
import cn.unionaid.platform.CurrentUser;
import cn.unionaid.platform.DataScope;
import cn.unionaid.platform.db.CsvCopy;
import cn.unionaid.platform.db.Phases;
import cn.unionaid.platform.files.FileStore;
import cn.unionaid.platform.sheets.Cells;
import cn.unionaid.platform.sheets.SheetHeader;
import cn.unionaid.platform.sheets.SheetReader;
import cn.unionaid.shared.BankCard;
import cn.unionaid.shared.FieldCipher;
import cn.unionaid.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The bank's statement of a batch (银行对账): read as a stream, checked line by line, loaded with COPY, matched to the
 * batch's payments by reference, card and amount, each matched line settled by the settlement table (payments,
 * failures, returns booked on the ledger at once), the lines no payment claims kept for matching by hand or setting
 * aside with a reason; and the reconciliation report.
 */
@Service
public class Statements {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Statements.class);

    private final Batches batches;
    private final BatchRepository repository;
    private final Funds funds;
    private final FieldCipher cipher;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final StatementLayout layout;
    private final DataSource dataSource;
    private final cn.unionaid.platform.db.LargeQueries largeQueries;

    Statements(Batches batches, BatchRepository repository, Funds funds, FieldCipher cipher, JdbcClient jdbc, AuditLog audit,
            StatementLayout layout, DataSource dataSource, cn.unionaid.platform.db.LargeQueries largeQueries) {
        this.largeQueries = largeQueries;
        this.batches = batches;
        this.repository = repository;
        this.funds = funds;
        this.cipher = cipher;
        this.jdbc = jdbc;
        this.audit = audit;
        this.layout = layout;
        this.dataSource = dataSource;
    }

    private static final List<String> STAGE_COLUMNS = List.of("line_no", "digest", "reference", "name", "card_bidx",
            "amount_fen", "outcome", "value_date", "bank_note");

    /**
     * Imports the bank's statement: each line is matched to a payment by reference, else by card, amount and name,
     * and booked at once (paid, failed, returned) by the {@link Settlement} table. A line seen before is skipped, so
     * importing again changes nothing. The lines are checked and loaded with COPY into a temporary table; matching,
     * recording and booking are set-based, except for the few payments that several lines of the file speak of,
     * which are booked line by line in the file's order. A bad line refuses the whole file, naming its row.
     */
    @PreAuthorize("hasRole('FINANCE')")
    @Transactional
    public StatementResult importStatement(DataScope scope, long batchId, byte[] content) {
        return importStatement(scope, batchId, new ByteArrayInputStream(content));
    }

    /** As above, reading the statement as a stream: a bank's file of any length never sits in memory whole. */
    @PreAuthorize("hasRole('FINANCE')")
    @Transactional
    public StatementResult importStatement(DataScope scope, long batchId, InputStream content) {
        Batch batch = batches.locked(scope, batchId).settledBy(Actor.current());
        repository.update(batch);
        batch = batches.find(scope, batchId);
        BatchLedger ledger = batches.ledgerOf(scope, batch);
        Phases phases = new Phases();
        jdbc.sql("""
                create temporary table statement_stage (line_no int not null, digest char(64) not null, reference text,
                    name text, card_bidx bytea, amount_fen bigint not null, outcome text not null, value_date date not null,
                    bank_note text) on commit drop
                """).update();
        long lines = stage(batchId, content);
        phases.lap("stage");
        jdbc.sql("analyze statement_stage").update();
        // The new lines (the first of each digest not imported before), each with the payment it matches.
        jdbc.sql("""
                create temporary table statement_match on commit drop as
                with fresh as (
                    select distinct on (s.digest) s.* from statement_stage s
                     where not exists (select 1 from disbursement.statement_line l where l.line_digest = s.digest)
                     order by s.digest, s.line_no),
                matched as (
                    select f.*, coalesce(r.id, c.id) as item_id,
                           case when r.id is not null then 'REFERENCE' when c.id is not null then 'CARD_AMOUNT_NAME' end as matched_by
                      from fresh f
                      left join disbursement.batch_item r on f.reference is not null and r.batch_id = :batch and r.reference = f.reference
                      left join lateral (select i.id from disbursement.batch_item i
                                          where f.reference is null and f.card_bidx is not null and i.batch_id = :batch
                                            and i.card_bidx = f.card_bidx and i.amount_fen = f.amount_fen and i.name = f.name
                                            and i.status in ('PENDING', 'PAID')
                                          order by i.id limit 1) c on true)
                select m.*, m.item_id is not null and count(m.item_id) over (partition by m.item_id) = 1 as single
                  from matched m
                """).param("batch", batchId).update();
        phases.lap("match");
        unmatchWhatSettlesNothing();
        phases.lap("unmatch");
        jdbc.sql("analyze statement_match").update();
        jdbc.sql("""
                insert into disbursement.statement_line (batch_id, line_digest, reference, name, card_bidx, amount_fen, outcome,
                                            value_date, item_id, matched_by, imported_by, bank_note)
                select ?, digest, reference, name, card_bidx, amount_fen, outcome, value_date, item_id, matched_by, ?, bank_note
                  from statement_match order by line_no
                """).param(batchId).param(CurrentUser.require().getUsername()).update();
        phases.lap("record lines");
        settleSingles(ledger, phases);
        record Repeated(long itemId, StatementOutcome outcome, LocalDate date, String digest, String note) {
        }
        jdbc.sql("""
                select s.item_id, s.outcome, s.value_date, s.digest, s.bank_note from statement_match s
                 where s.item_id is not null and not s.single order by s.line_no
                """).query((rs, n) -> new Repeated(rs.getLong(1), StatementOutcome.valueOf(rs.getString(2)),
                rs.getDate(3).toLocalDate(), rs.getString(4), rs.getString(5))).list()
                .forEach(l -> {
                    if (!book(ledger, repository.item(batchId, l.itemId()).orElseThrow(), l.outcome(), l.date(),
                            l.note())) {
                        jdbc.sql("update disbursement.statement_line set item_id = null, matched_by = null where line_digest = ?")
                                .param(l.digest()).update();
                        jdbc.sql("update statement_match set item_id = null where digest = ?").param(l.digest()).update();
                    }
                });
        phases.lap("book repeated");
        record Counted(int fresh, int paid, int failed, int returned, int unmatched) {
        }
        Counted counted = jdbc.sql("""
                select count(*), count(*) filter (where item_id is not null and outcome = 'PAID'),
                       count(*) filter (where item_id is not null and outcome = 'FAILED'),
                       count(*) filter (where item_id is not null and outcome = 'RETURNED'),
                       count(*) filter (where item_id is null)
                  from statement_match
                """).query((rs, n) -> new Counted(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5)))
                .single();
        Batch after = batches.find(scope, batchId);
        if (after.status() == BatchStatus.FILE_GENERATED && repository.countItems(batchId, ItemStatus.PENDING) == 0) {
            repository.update(after.reconciled());
        }
        String status = batches.find(scope, batchId).status().label();
        phases.lap("finish");
        log.info("Statement of batch {}: {} lines, {}", batchId, lines, phases);
        audit.record("batch.statementImported", "batch", batchId, Map.of("lines", lines, "new", counted.fresh(),
                "paid", counted.paid(), "failed", counted.failed(), "returned", counted.returned(),
                "unmatched", counted.unmatched()));
        return new StatementResult((int) lines, (int) lines - counted.fresh(), counted.paid(), counted.failed(),
                counted.returned(), counted.unmatched(), status);
    }

    /** Reads, checks and loads the statement's lines into {@code statement_stage}; answers how many there were. */
    private long stage(long batchId, InputStream content) {
        CsvCopy copy = new CsvCopy(DataSourceUtils.getConnection(dataSource), "statement_stage", STAGE_COLUMNS);
        try {
            int[] at = new int[7];
            SheetReader.read(content, h -> {
                SheetHeader header = new SheetHeader(h);
                List<List<String>> fields = List.of(layout.reference(), layout.card(), layout.name(), layout.amount(),
                        layout.result(), layout.date(), layout.note());
                for (int i = 0; i < 7; i++) {
                    at[i] = StatementLayout.find(header, fields.get(i));
                }
                if (at[3] < 0 || at[4] < 0 || at[5] < 0 || (at[0] < 0 && at[1] < 0)) {
                    throw BusinessRuleException.invalid("statement.error.columns");
                }
            }, row -> {
                String[] l = {row.cell(at[0]), row.cell(at[1]), row.cell(at[2]), row.cell(at[3]), row.cell(at[4]),
                        row.cell(at[5])};
                String number = Integer.toString(row.number());
                String digest = FileStore.sha256((batchId + "|" + String.join("|", l)).getBytes(StandardCharsets.UTF_8));
                byte[] cardIndex = l[1].isBlank() ? null : cipher.blindIndex(parseCard(l[1], number).value());
                String note = blankToNull(row.cell(at[6]));
                copy.row(row.number(), digest, blankToNull(l[0]), blankToNull(l[2]), cardIndex,
                        parseAmount(l[3], number).fen(), outcome(l[4], number).name(), parseDate(l[5], number),
                        note == null || note.length() <= 200 ? note : note.substring(0, 200));
            });
        } catch (IOException e) {
            throw BusinessRuleException.invalid("statement.error.file");
        }
        return copy.finish();
    }

    /**
     * A line is matched to a payment only if it settles it (结算规则): a second line of the same result for one
     * payment, in this file or an earlier one, or a result that does not follow from where the payment stands
     * (paid twice, a failure after a payment), stays unmatched in the queue for a person to look at.
     */
    private void unmatchWhatSettlesNothing() {
        // Each a join the planner runs set-based (no OR of sub-queries, which would run once per line).
        jdbc.sql("""
                update statement_match s set item_id = null, matched_by = null
                  from disbursement.statement_line l where s.item_id is not null and l.item_id = s.item_id and l.outcome = s.outcome
                """).update();
        jdbc.sql("""
                update statement_match s set item_id = null, matched_by = null
                  from (select line_no, row_number() over (partition by item_id, outcome order by line_no) as rn
                          from statement_match where item_id is not null) r
                 where r.line_no = s.line_no and r.rn > 1
                """).update();
        jdbc.sql("""
                update statement_match s set item_id = null, matched_by = null
                  from disbursement.batch_item i
                 where s.single and s.item_id is not null and i.id = s.item_id
                   and not exists (select 1 from %s where t.step = 0 and t.outcome = s.outcome and t.from_status = i.status)
                """.formatted(Settlement.asSqlValues("t"))).update();
    }

    /** Books at once every payment that exactly one new line of the statement speaks of, by the settlement table. */
    private void settleSingles(BatchLedger ledger, Phases phases) {
        String settlement = Settlement.asSqlValues("t");
        // Staged in SQL and booked from there: 800,000 movements never pass through the heap.
        jdbc.sql("""
                create temporary table settle_movement on commit drop as
                select s.line_no::bigint * 10 + t.step as seq, t.kind, s.value_date as entry_date, i.amount_fen,
                       i.reference as voucher, i.id as item_id, t.note_prefix || i.name as note
                  from statement_match s join disbursement.batch_item i on i.id = s.item_id
                  join %s on t.outcome = s.outcome and t.from_status = i.status
                 where s.single
                """.formatted(settlement)).update();
        phases.lap("stage movements");
        funds.bookMovements(ledger, new Funds.StagedMovements("settle_movement"));
        phases.lap("book movements");
        jdbc.sql("""
                update disbursement.batch_item i set status = t.to_status, status_note = coalesce(t.status_note || '：' || s.bank_note, t.status_note)
                  from statement_match s, %s
                 where s.single and s.item_id = i.id and t.step = 0 and t.outcome = s.outcome and t.from_status = i.status
                """.formatted(settlement)).update();
        phases.lap("set payments' states");
    }

    /** Books one line against its payment; answers false when the line settles nothing (the payment is left as it is). */
    private boolean book(BatchLedger on, BatchItemView item, StatementOutcome outcome, LocalDate date,
            String bankNote) {
        Settlement settlement = Settlement.of(outcome, ItemStatus.valueOf(item.status())).orElse(null);
        if (settlement == null) {
            return false;
        }
        settlement.movements.forEach(m -> funds.book(on, new Funds.Movement(m.kind, date, item.amountFen(), item.reference(),
                item.id(), m.note(item.name()))));
        repository.setItemStatus(item.id(), settlement.to, settlement.statusNote == null || bankNote == null
                ? settlement.statusNote : settlement.statusNote + "：" + bankNote);
        return true;
    }

    /**
     * 对账报告: the batch's payments by status with their sums (kept as they are booked, V30), and the first of the
     * statement's lines no payment claims with how many there are.
     */
    @PreAuthorize(Batches.READERS)
    @Transactional(readOnly = true)
    public ReconciliationReport report(DataScope scope, long batchId) {
        batches.find(scope, batchId);
        List<ReconciliationReport.Line> byStatus = jdbc.sql("""
                select status, items, amount_fen from disbursement.v_batch_item_sum where batch_id = ? and items > 0 order by status
                """).param(batchId).query((rs, n) -> new ReconciliationReport.Line(rs.getString(1),
                ItemStatus.valueOf(rs.getString(1)).label(), rs.getLong(2), Money.ofFen(rs.getLong(3)).toYuanString()))
                .list();
        record Counts(long unmatched, long setAside) {
        }
        Counts counts = jdbc.sql("""
                select count(*) filter (where set_aside_reason is null), count(*) filter (where set_aside_reason is not null)
                  from disbursement.statement_line where batch_id = ? and item_id is null
                """).param(batchId).query((rs, n) -> new Counts(rs.getLong(1), rs.getLong(2))).single();
        long lines = jdbc.sql("select count(*) from disbursement.statement_line where batch_id = ?").param(batchId).query(Long.class)
                .single();
        return new ReconciliationReport(batchId, byStatus, unclaimed(batchId, false, null, ReconciliationReport.LINES_SHOWN),
                counts.unmatched(), unclaimed(batchId, true, null, ReconciliationReport.LINES_SHOWN), counts.setAside(), lines);
    }

    /**
     * The statement's lines no payment claims, a page at a time in the file's order: those waiting for a person
     * (未匹配), or those set aside as not the batch's (已搁置).
     */
    @PreAuthorize(Batches.READERS)
    @Transactional(readOnly = true)
    public cn.unionaid.platform.Page<ReconciliationReport.Unmatched> unclaimedLines(DataScope scope, long batchId,
            boolean setAside, cn.unionaid.platform.PageRequest page) {
        batches.find(scope, batchId);
        Long after = page.after() == null ? null : Long.valueOf(page.after());
        return cn.unionaid.platform.Page.of(unclaimed(batchId, setAside, after, page.size() + 1), page.size(),
                u -> Long.toString(u.lineId()));
    }

    private List<ReconciliationReport.Unmatched> unclaimed(long batchId, boolean setAside, Long after, int limit) {
        return jdbc.sql("""
                select id, reference, name, amount_fen, outcome, value_date, bank_note, set_aside_reason, set_aside_by
                  from disbursement.statement_line
                 where batch_id = :batch and item_id is null and (set_aside_reason is not null) = :setAside
                   and id > :after
                 order by id limit :limit
                """).param("batch", batchId).param("setAside", setAside).param("after", after == null ? 0L : after)
                .param("limit", limit).query((rs, n) -> new ReconciliationReport.Unmatched(rs.getLong(1), rs.getString(2),
                        rs.getString(3), Money.ofFen(rs.getLong(4)).toYuanString(), rs.getString(5),
                        rs.getDate(6).toLocalDate().toString(), StatementOutcome.valueOf(rs.getString(5)).label(),
                        rs.getString(7), rs.getString(8), rs.getString(9))).list();
    }

    /** The columns of {@link #forEachStatementLine}. */
    public static final List<String> STATEMENT_LINE_HEADER = List.of("对账单行", "业务参考号", "户名", "金额(元)", "结果",
            "交易日期", "匹配方式", "匹配记录", "导入人", "导入时间", "银行附言", "搁置原因", "搁置人");

    /** The imported statement lines of a batch in their order, streamed, for an evidence pack. */
    @PreAuthorize(Batches.READERS)
    @Transactional(readOnly = true)
    public void forEachStatementLine(DataScope scope, long batchId, java.util.function.Consumer<List<String>> each) {
        batches.find(scope, batchId);
        largeQueries.streaming().query("select * from disbursement.statement_line where batch_id = ? order by id",
                (java.sql.ResultSet rs) -> {
                    each.accept(java.util.Arrays.asList(rs.getString("id"), rs.getString("reference"), rs.getString("name"),
                            Money.ofFen(rs.getLong("amount_fen")).toYuanString(),
                            StatementOutcome.valueOf(rs.getString("outcome")).label(), rs.getDate("value_date").toString(),
                            MatchedBy.labelOf(rs.getString("matched_by")), rs.getString("item_id"),
                            rs.getString("imported_by"), rs.getTimestamp("imported_at").toInstant().toString(),
                            rs.getString("bank_note"), rs.getString("set_aside_reason"), rs.getString("set_aside_by")));
                }, batchId);
    }

    private static Money parseAmount(String text, String row) {
        try {
            return Money.parseYuan(text);
        } catch (RuntimeException e) {
            throw BusinessRuleException.invalid("statement.error.amount", row, text);
        }
    }

    private static BankCard parseCard(String text, String row) {
        try {
            return BankCard.parse(text);
        } catch (RuntimeException e) {
            throw BusinessRuleException.invalid("statement.error.card", row, text);
        }
    }

    private static LocalDate parseDate(String text, String row) {
        try {
            return Cells.date(text);
        } catch (RuntimeException e) {
            throw BusinessRuleException.invalid("statement.error.date", row, text);
        }
    }

    private StatementOutcome outcome(String text, String row) {
        String t = text.strip();
        if (layout.paid().contains(t)) {
            return StatementOutcome.PAID;
        }
        if (layout.failed().contains(t)) {
            return StatementOutcome.FAILED;
        }
        if (layout.returned().contains(t)) {
            return StatementOutcome.RETURNED;
        }
        throw BusinessRuleException.invalid("statement.error.result", row, text);
    }

    /** Settles a statement line no payment matched by hand, against a payment of the batch (exception queue). */
    @PreAuthorize("hasRole('FINANCE')")
    @Transactional
    public void matchLine(DataScope scope, long batchId, long lineId, long itemId) {
        repository.update(batches.locked(scope, batchId).settledBy(Actor.current()));
        Batch batch = batches.find(scope, batchId);
        record Line(String outcome, LocalDate date, long amount, String note) {
        }
        Line line = jdbc.sql("""
                select outcome, value_date, amount_fen, bank_note from disbursement.statement_line
                 where id = ? and batch_id = ? and item_id is null and set_aside_reason is null
                """).param(lineId).param(batchId).query((rs, n) -> new Line(rs.getString(1), rs.getDate(2).toLocalDate(),
                        rs.getLong(3), rs.getString(4))).optional()
                .orElseThrow(() -> BusinessRuleException.notFound("statement.error.line"));
        BatchItemView item = repository.item(batchId, itemId)
                .orElseThrow(() -> BusinessRuleException.notFound("batch.error.itemNotFound"));
        if (item.amountFen() != line.amount()) {
            throw BusinessRuleException.invalid("statement.error.amountDiffers");
        }
        if (Settlement.of(StatementOutcome.valueOf(line.outcome()), ItemStatus.valueOf(item.status())).isEmpty()) {
            throw BusinessRuleException.conflict("statement.error.settlesNothing", item.name(),
                    ItemStatus.valueOf(item.status()).label());
        }
        jdbc.sql("update disbursement.statement_line set item_id = ?, matched_by = 'HAND' where id = ?").param(itemId).param(lineId)
                .update();
        book(batches.ledgerOf(scope, batch), item, StatementOutcome.valueOf(line.outcome()), line.date(),
                line.note());
        if (batch.status() == BatchStatus.FILE_GENERATED && repository.countItems(batchId, ItemStatus.PENDING) == 0) {
            repository.update(batches.find(scope, batchId).reconciled());
        }
        audit.record("batch.lineMatched", "batch", batchId, Map.of("lineId", lineId, "itemId", itemId));
    }

    /**
     * Sets aside a statement line that belongs to no payment of the batch (不属于本批次: another batch's, a bank's own
     * entry) with the reason, so the batch can complete; the line stays on record with who set it aside and why.
     */
    @PreAuthorize("hasRole('FINANCE')")
    @Transactional
    public void setAside(DataScope scope, long batchId, long lineId, String reason) {
        if (reason == null || reason.isBlank()) {
            throw BusinessRuleException.invalid("statement.error.setAsideReason");
        }
        repository.update(batches.locked(scope, batchId).settledBy(Actor.current()));
        String text = reason.strip().length() > 500 ? reason.strip().substring(0, 500) : reason.strip();
        int n = jdbc.sql("""
                update disbursement.statement_line set set_aside_reason = ?, set_aside_by = ?, set_aside_at = now()
                 where id = ? and batch_id = ? and item_id is null and set_aside_reason is null
                """).param(text).param(CurrentUser.require().getUsername()).param(lineId).param(batchId).update();
        if (n != 1) {
            throw BusinessRuleException.notFound("statement.error.line");
        }
        audit.record("batch.lineSetAside", "batch", batchId, Map.of("lineId", lineId, "reason", text));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
