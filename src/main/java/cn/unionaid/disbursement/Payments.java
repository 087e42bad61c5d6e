package cn.unionaid.disbursement;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;


import cn.unionaid.audit.AuditLog;
import cn.unionaid.disbursement.internal.BatchRepository;
import cn.unionaid.funds.BatchLedger;
import cn.unionaid.funds.Funds;
import cn.unionaid.funds.LedgerKind;
import cn.unionaid.platform.BusinessRuleException;
import cn.unionaid.platform.DataScope;
import cn.unionaid.platform.files.FileStore;
import cn.unionaid.platform.sheets.Workbooks;
import cn.unionaid.registry.Payee;
import cn.unionaid.registry.Payees;
import cn.unionaid.registry.SubjectType;
import cn.unionaid.shared.FieldCipher;
import cn.unionaid.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The money side of a batch: the payment file (card numbers decrypted only into it, its SHA-256 recorded, every
 * download audited), re-issues and refunds of what came back, the 实名制汇总表, and what each program paid as of a date.
 * The bank statement and its reconciliation are {@link Statements}.
 */
@Service
public class Payments {

    private final Batches batches;
    private final BatchRepository repository;
    private final Payees payees;
    private final Funds funds;
    private final FieldCipher cipher;
    private final FileStore files;
    private final JdbcClient jdbc;
    private final AuditLog audit;

    Payments(Batches batches, BatchRepository repository, Payees payees, Funds funds, FieldCipher cipher, FileStore files,
            JdbcClient jdbc, AuditLog audit) {
        this.batches = batches;
        this.repository = repository;
        this.payees = payees;
        this.funds = funds;
        this.cipher = cipher;
        this.files = files;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public record PaymentFile(String fileName, byte[] content, String sha256, int excluded) {
    }

    /**
     * Checks every payee again (death, revocation, transfer or closure since the run leaves them out, and their
     * money is released), then writes the file of the pending payments.
     */
    @PreAuthorize("hasRole('FINANCE')")
    @Transactional
    public PaymentFile generate(DataScope scope, long batchId, PaymentFileLayout layout) {
        Batch batch = batches.locked(scope, batchId);
        boolean reissue = batch.status() == BatchStatus.RECONCILED && repository.countItems(batchId, ItemStatus.PENDING) > 0;
        if (batch.status() != BatchStatus.PUBLICITY_CLOSED && !reissue) {
            throw BusinessRuleException.conflict("batch.error.state", batch.status().label(),
                    BatchStatus.PUBLICITY_CLOSED.label());
        }
        Actor actor = Actor.current();
        batch.fileGenerated(actor, "0".repeat(64), reissue);
        BatchLedger on = batches.ledgerOf(scope, batch);
        Map<Long, String> held = new java.util.HashMap<>();
        batches.held(batchId).forEach(h -> held.merge(h.itemId(), h.reason(), (a, b) -> a + "、" + b));
        // Every pending payee checked again in one query per kind of person; only the few left out are read item by item.
        Map<Long, String> notPayable = new java.util.HashMap<>();
        for (SubjectType type : SubjectType.values()) {
            Map<Long, String> why = new java.util.HashMap<>();
            payees.notPayable(scope, type, repository.pendingSubjects(batchId, type.name()))
                    .forEach(n -> why.put(n.subjectId(), n.inScope() ? n.reason() : "已迁出本单位"));
            repository.pendingItemsOf(batchId, type.name(), why.keySet()).forEach(i -> notPayable.put(i.id(), why.get(i.subjectId())));
        }
        java.util.Set<Long> leftOut = new java.util.HashSet<>(notPayable.keySet());
        leftOut.addAll(held.keySet());
        List<BatchItemView> excludedItems = repository.pendingItems(batchId, leftOut);
        for (BatchItemView item : excludedItems) {
            if (held.containsKey(item.id())) {
                batches.releaseHolds(item.id(), actor.username());
            }
        }
        int excluded = leaveOut(on, batchId, excludedItems.stream().map(BatchItemView::id).toList(), excludedItems.stream()
                .map(i -> notPayable.containsKey(i.id()) ? notPayable.get(i.id()) : "外部数据比对命中未解决（" + held.get(i.id()) + "）")
                .toList());
        long pending = repository.countItems(batchId, ItemStatus.PENDING);
        if (pending == 0) {
            throw BusinessRuleException.conflict("batch.error.nothingToPay");
        }
        byte[] content = write(layout, batch);
        FileStore.Stored stored = files.save(content);
        repository.setFileLayout(batchId, layout.name() + ":" + stored.key());
        repository.update(batches.find(scope, batchId).fileGenerated(actor, stored.sha256(), reissue));
        audit.record("batch.paymentFileGenerated", "batch", batchId, Map.of("layout", layout.name(), "sha256",
                stored.sha256(), "items", pending, "excluded", excluded));
        return new PaymentFile("代发-" + batchId + "." + layout.extension(), content, stored.sha256(), excluded);
    }

    /**
     * Leaves these pending payments out of the file with their reasons (发放前复核剔除) and releases their money on the
     * ledger: two statements for any number of them (a province's batch leaves out thousands who died or moved since
     * the run); answers how many.
     */
    private int leaveOut(BatchLedger on, long batchId, List<Long> itemIds, List<String> reasons) {
        if (itemIds.isEmpty()) {
            return 0;
        }
        jdbc.sql("""
                create temporary table left_out on commit drop as
                select t.item_id, t.reason from unnest(:items, :reasons) as t(item_id, reason)
                """).param("items", itemIds.toArray(Long[]::new)).param("reasons", reasons.toArray(String[]::new)).update();
        jdbc.sql("""
                create temporary table left_out_movement (seq bigint, kind text, entry_date date, amount_fen bigint, voucher text,
                                                          item_id bigint, note text) on commit drop
                """).update();
        // Only what this statement moved out of PENDING is released: the ledger follows the payments' states.
        int n = jdbc.sql("""
                with excluded as (
                    update disbursement.batch_item i set status = 'EXCLUDED', status_note = l.reason
                      from left_out l where i.id = l.item_id and i.batch_id = :batch and i.status = 'PENDING'
                    returning i.id, i.amount_fen, i.reference, l.reason)
                insert into left_out_movement
                select id, 'RELEASE', :today, amount_fen, reference, id, '发放前复核剔除：' || reason from excluded
                """).param("batch", batchId).param("today", LocalDate.now()).update();
        funds.bookMovements(on, new Funds.StagedMovements("left_out_movement"));
        jdbc.sql("drop table left_out, left_out_movement").update();
        return n;
    }

    /** The stored payment file again, for the bank; each download is audited because it holds full card numbers. */
    @PreAuthorize("hasRole('FINANCE')")
    @Transactional
    public PaymentFile download(DataScope scope, long batchId) {
        Batch batch = batches.find(scope, batchId);
        String layoutAndKey = jdbc.sql("select file_layout from disbursement.batch where id = ?").param(batchId).query(String.class)
                .optional().orElse(null);
        if (batch.fileSha256() == null || layoutAndKey == null) {
            throw BusinessRuleException.notFound("batch.error.noFile");
        }
        String[] parts = layoutAndKey.split(":", 2);
        PaymentFileLayout layout = PaymentFileLayout.valueOf(parts[0]);
        try (InputStream in = files.open(parts[1])) {
            byte[] content = in.readAllBytes();
            audit.record("personal.exportedFull", "payment_file", batchId, Map.of("sha256", batch.fileSha256()));
            return new PaymentFile("代发-" + batchId + "." + layout.extension(), content, batch.fileSha256(), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file of the batch's pending payments in their order, read from the database as it is written. */
    private byte[] write(PaymentFileLayout layout, Batch batch) {
        List<String> header = layout.columns().stream().map(PaymentFileLayout.Column::header).toList();
        int[] seq = {0};
        java.util.function.Consumer<java.util.function.Consumer<List<String>>> rows = sink -> repository.forEachPendingPayment(
                batch.id(), p -> {
                    seq[0]++;
                    List<String> row = new ArrayList<>(layout.columns().size());
                    for (PaymentFileLayout.Column c : layout.columns()) {
                        row.add(switch (c) {
                            case SEQ -> Integer.toString(seq[0]);
                            case REFERENCE -> p.reference();
                            case NAME -> p.name();
                            case CARD -> cipher.decrypt(p.sealedCard());
                            case AMOUNT -> Money.ofFen(p.amountFen()).toYuanString();
                            case PURPOSE -> batch.title();
                        });
                    }
                    sink.accept(row);
                });
        if (!layout.csv()) {
            return Workbooks.write("代发", header, rows::accept);
        }
        // Encoded as it is written: a province's file (55 MB for 800,000 payments) is held once, as bytes.
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(1 << 16);
        cn.unionaid.platform.sheets.CsvWriter.write(bytes, layout.charset(), header, rows);
        return bytes.toByteArray();
    }

    /**
     * Pays a returned or failed payment again to the same person, for the same entitlement: once. The original
     * moves to 已重发 by a conditional update under the batch's lock before the new payment exists, so a second
     * re-issue or a refund of the same payment finds nothing to move (and the database refuses a second re-issue).
     */
    @PreAuthorize("hasRole('FINANCE')")
    @Transactional
    public void reissue(DataScope scope, long batchId, long itemId) {
        Batch batch = lockedForSettledItem(scope, batchId);
        BatchItemView item = settled(batchId, itemId);
        Payee p = payees.find(scope, SubjectType.valueOf(item.subjectType()), item.subjectId())
                .filter(Payee::eligibleNow)
                .orElseThrow(() -> BusinessRuleException.conflict("batch.error.payeeIneligible"));
        moveSettled(itemId, ItemStatus.REISSUED, "已重新发放");
        funds.reserve(batches.ledgerOf(scope, batch), item.amountFen(), LocalDate.now());
        jdbc.sql("""
                insert into disbursement.batch_item (batch_id, subject_type, subject_id, name, org_name, bank_name, card_enc, card_bidx,
                                        card_masked, amount_fen, reference, status, reissue_of, entitled_fen,
                                        entitlement_kind)
                select ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', id, entitled_fen, entitlement_kind
                  from disbursement.batch_item where id = ?
                """).param(batchId).param(item.subjectType()).param(item.subjectId()).param(p.name()).param(p.orgName())
                .param(p.bankName()).param(p.sealedCard()).param(p.cardIndex()).param(p.cardMasked())
                .param(item.amountFen()).param(item.reference() + "-R").param(itemId).update();
        audit.record("batch.reissued", "batch", batchId, Map.of("itemId", itemId));
    }

    /** Gives returned or failed money back to its fund source: once (see {@link #reissue}). */
    @PreAuthorize("hasRole('FINANCE')")
    @Transactional
    public void refund(DataScope scope, long batchId, long itemId, String reason) {
        if (reason == null || reason.isBlank()) {
            throw BusinessRuleException.invalid("batch.error.rejectReason");
        }
        Batch batch = lockedForSettledItem(scope, batchId);
        BatchItemView item = settled(batchId, itemId);
        moveSettled(itemId, ItemStatus.REFUNDED, reason.strip());
        funds.book(batches.ledgerOf(scope, batch), new Funds.Movement(LedgerKind.REFUND, LocalDate.now(), item.amountFen(),
                item.reference(), itemId, reason.strip()));
        audit.record("batch.refunded", "batch", batchId, Map.of("itemId", itemId, "reason", reason.strip()));
    }

    private Batch lockedForSettledItem(DataScope scope, long batchId) {
        Batch batch = batches.locked(scope, batchId);
        batch.checkReissueOrRefund(Actor.current());
        return batch;
    }

    private void moveSettled(long itemId, ItemStatus to, String note) {
        if (repository.moveItem(itemId, List.of(ItemStatus.RETURNED, ItemStatus.FAILED), to, note) != 1) {
            throw BusinessRuleException.conflict("batch.error.notReturned");
        }
    }

    private BatchItemView settled(long batchId, long itemId) {
        BatchItemView item = repository.item(batchId, itemId)
                .orElseThrow(() -> BusinessRuleException.notFound("batch.error.itemNotFound"));
        if (!ItemStatus.RETURNED.name().equals(item.status()) && !ItemStatus.FAILED.name().equals(item.status())) {
            throw BusinessRuleException.conflict("batch.error.notReturned");
        }
        return item;
    }

    /** What a program paid as of a cut-off date: people paid (net of returns), the amount, and the last payment date. */
    public record ProgramPaid(long programId, String programName, long people, long amountFen, LocalDate lastPaidOn) {
    }

    /**
     * Paid per program of the union's year as of its {@link PaidItems#yearEnd 31 December} (docs/metrics.md): the
     * amount is the ledger's payments less returns dated on or before it (the ledger's day sums), the people those
     * {@link PaidItems paid as of} it (kept as they are booked, {@code disbursement.paid_program}) — the same cut-off as
     * the year's total, so the parts add up to it.
     */
    // The year's figures are read by evaluators too (评价人): the report and the roll-up stand on them.
    @PreAuthorize("hasAnyRole('CLERK', 'REVIEWER', 'LEADER', 'FINANCE', 'AUDITOR', 'EVALUATOR')")
    @Transactional(readOnly = true)
    public List<ProgramPaid> paidByProgram(DataScope scope, int year) {
        return jdbc.sql("""
                with programs as (
                    select p.id, p.name from policy.v_program p where p.org_id = :org and p.year = :year
                ), money as (
                    select l.program_id, sum(case l.kind when 'PAYMENT' then l.amount_fen else -l.amount_fen end) as fen,
                           max(l.entry_date) filter (where l.kind = 'PAYMENT') as last
                      from funds.v_ledger_day l
                     where l.org_id = :org and l.year = :year and l.program_id in (select id from programs)
                       and l.kind in ('PAYMENT', 'RETURN') and l.entry_date <= :cutOff
                     group by l.program_id
                )
                select p.id, p.name, coalesce(pe.people, 0) as people, coalesce(m.fen, 0) as fen, m.last
                  from programs p left join disbursement.paid_program pe on pe.program_id = p.id
                  left join money m on m.program_id = p.id
                 order by p.id
                """).param("cutOff", PaidItems.yearEnd(year)).param("org", scope.orgId())
                .param("year", year).query((rs, n) -> {
                    java.sql.Date last = rs.getDate("last");
                    return new ProgramPaid(rs.getLong(1), rs.getString(2), rs.getLong("people"), rs.getLong("fen"),
                            last == null ? null : last.toLocalDate());
                }).list();
    }

    /** 实名制汇总表: the batch's payees with masked cards, for the file of the decision, written as the rows are read. */
    @PreAuthorize(Batches.READERS)
    @Transactional(readOnly = true)
    public void realNameSheet(DataScope scope, long batchId, java.io.OutputStream out) {
        Batch batch = batches.find(scope, batchId);
        List<String> header = List.of("序号", "姓名", "所属工会", "开户银行", "银行卡号", "金额(元)", "状态", "业务参考号");
        int[] seq = {0};
        Workbooks.write(out, "实名制汇总表-" + batch.id(), header, sink -> repository.forEachItem(batchId, i ->
                sink.accept(List.of(Integer.toString(++seq[0]), i.name(), i.orgName(), i.bankName() == null ? "" : i.bankName(),
                        i.cardMasked(), i.amountYuan(), ItemStatus.valueOf(i.status()).label(), i.reference()))));
    }

}
