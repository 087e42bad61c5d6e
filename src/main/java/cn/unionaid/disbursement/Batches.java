package cn.unionaid.disbursement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import cn.unionaid.audit.AuditLog;
import cn.unionaid.disbursement.internal.BatchRepository;
import cn.unionaid.funds.BatchLedger;
import cn.unionaid.funds.Funds;
import cn.unionaid.funds.LedgerKind;
import cn.unionaid.platform.BusinessRuleException;
import cn.unionaid.platform.CurrentUser;
import cn.unionaid.platform.DataScope;
import cn.unionaid.platform.Messages;
import cn.unionaid.platform.Page;
import cn.unionaid.platform.PageRequest;
import cn.unionaid.platform.files.FileStore;
import cn.unionaid.policy.Assessment;
import cn.unionaid.policy.EntitlementRuns;
import cn.unionaid.policy.Program;
import cn.unionaid.policy.Programs;
import cn.unionaid.policy.RunView;
import cn.unionaid.registry.SubjectType;
import cn.unionaid.shared.FundSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payment batches through their steps. Review reserves the money on the source's ledger (refused beyond what is
 * available); rejection releases it. Every step is audited and checks its rule in {@link Batch}.
 */
@Service
public class Batches {

    static final String READERS = "hasAnyRole('CLERK', 'REVIEWER', 'LEADER', 'FINANCE', 'AUDITOR')";
    /** How many payments the hand-matching form offers a statement line. */
    private static final int MATCH_CANDIDATES = 50;

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Batches.class);

    private final BatchRepository batches;
    private final Programs programs;
    private final EntitlementRuns runs;
    private final Funds funds;
    private final FileStore files;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Messages messages;
    private final cn.unionaid.audit.AuditExtracts extracts;
    private final List<ItemHolds> holds;
    private final BatchLines batchLines;

    Batches(BatchRepository batches, Programs programs, EntitlementRuns runs, Funds funds,
            FileStore files, JdbcClient jdbc, AuditLog audit, Messages messages, cn.unionaid.audit.AuditExtracts extracts,
            List<ItemHolds> holds, BatchLines batchLines) {
        this.holds = holds;
        this.batchLines = batchLines;
        this.messages = messages;
        this.batches = batches;
        this.programs = programs;
        this.runs = runs;
        this.funds = funds;
        this.files = files;
        this.jdbc = jdbc;
        this.audit = audit;
        this.extracts = extracts;
    }

    /** A line of a hand-made batch. */
    public record Line(long subjectId, long amountFen) {
    }

    /** What a line was checked against: the rules' amount (核定) and whether it is exact or a cap. */
    record Entitled(long fen, boolean cap) {
    }

    /** A batch of what an official run pays: each line is the run's amount for that person, exactly. */
    @PreAuthorize("hasRole('CLERK')")
    @Transactional
    public Batch fromRun(DataScope scope, long runId, FundSource source, String title) {
        RunView run = runs.find(scope, runId).orElseThrow(() -> BusinessRuleException.notFound("policy.error.runNotFound"));
        List<Line> lines = runs.payable(scope, runId).stream().map(p -> new Line(p.subjectId(), p.amountFen())).toList();
        // each line is entitled to exactly its own amount: no map of a province's 800,000 people beside the lines
        return create(scope, run.programId(), runId, source, title, lines, l -> new Entitled(l.amountFen(), false),
                Map.of());
    }

    /**
     * A batch made by hand (手工批次: claims, one-off help): every line is checked against the program's rules as of
     * its reference date — the person must be eligible and the amount equal the standard, or stay within the cap
     * of a claim-based program — and refused, naming the line and the rule, when it is not.
     */
    @PreAuthorize("hasRole('CLERK')")
    @Transactional
    public Batch manual(DataScope scope, long programId, FundSource source, String title, List<Line> lines) {
        Map<Long, Long> asked = new HashMap<>();
        lines.forEach(l -> asked.putIfAbsent(l.subjectId(), l.amountFen()));
        Map<Long, Assessment> assessed = lines.isEmpty() ? Map.of() : runs.assess(scope, programId, asked);
        Map<Long, Entitled> entitled = new HashMap<>();
        Map<Long, String> refused = new HashMap<>();
        for (Line l : lines) {
            Assessment a = assessed.get(l.subjectId());
            if (a == null) {
                refused.put(l.subjectId(), messages.get("batch.refused.outsidePopulation"));
            } else {
                entitled.put(l.subjectId(), new Entitled(a.allowedFen(), a.cap()));
                a.refusal(l.amountFen(), messages).ifPresent(why -> refused.put(l.subjectId(), why));
            }
        }
        return create(scope, programId, null, source, title, lines, l -> entitled.get(l.subjectId()), refused);
    }

    private Batch create(DataScope scope, long programId, Long runId, FundSource source, String title, List<Line> lines,
            Function<Line, Entitled> entitled, Map<Long, String> refused) {
        Program program = programs.find(scope, programId)
                .orElseThrow(() -> BusinessRuleException.notFound("policy.error.programNotFound"));
        if (source == null || !program.fundSources().contains(source)) {
            throw BusinessRuleException.invalid("batch.error.source", source == null ? "-" : source.label());
        }
        if (lines.isEmpty() || title == null || title.isBlank()) {
            throw BusinessRuleException.invalid("batch.error.empty");
        }
        SubjectType type = SubjectType.valueOf(program.beneficiary().name());
        String by = CurrentUser.require().getUsername();
        long id = batches.insert(program.orgId(), programId, runId, source, title.strip(), by);
        cn.unionaid.platform.db.Phases phases = new cn.unionaid.platform.db.Phases();
        batchLines.stage(scope, type, lines, entitled, refused);
        phases.lap("stage lines and payees");
        BatchLines.Refusals refusals = batchLines.refusals(programId, type, 10);
        phases.lap("check");
        if (refusals.count() > 0) {
            throw BusinessRuleException.invalid("batch.error.payees", refusals.count(), String.join("；",
                    refusals.first().stream().map(r -> BatchLines.describe(r, messages)).toList()));
        }
        try {
            batchLines.write(id, type);
            phases.lap("write payments");
            log.info("Batch {}: {} lines, {}", id, lines.size(), phases);
        } catch (org.springframework.dao.DuplicateKeyException raced) {
            throw BusinessRuleException.conflict("batch.error.paidElsewhere", messages.get("batch.line.someone"));
        }
        Batch batch = batches.find(scope, id).orElseThrow();
        audit.record("batch.created", "batch", id, Map.of("programId", programId, "runId", runId == null ? "" : runId,
                "items", lines.size(), "totalFen", batch.totalFen(), "source", source.name()));
        return batch;
    }

    /** Who a program pays: model workers or households (to find a hand line's person in the right register). */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public SubjectType beneficiaryOf(DataScope scope, long programId) {
        return programs.find(scope, programId).map(p -> SubjectType.valueOf(p.beneficiary().name()))
                .orElseThrow(() -> BusinessRuleException.notFound("policy.error.programNotFound"));
    }

    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public Page<Batch> list(DataScope scope, String after) {
        List<Batch> rows = batches.list(scope, after == null ? null : Long.valueOf(after), 51);
        return Page.of(rows, 50, b -> Long.toString(b.id()));
    }

    /** A batch still under way, for the home page's 待办: the batch and its objections still unanswered. */
    public record UnderWay(Batch batch, long openObjections) {
    }

    /** The newest batches in scope that are neither completed nor cancelled. */
    @Transactional(readOnly = true)
    public List<UnderWay> underWay(DataScope scope, int limit) {
        List<Batch> rows = batches.underWay(scope, limit);
        Map<Long, Long> open = batches.openObjections(rows.stream().map(Batch::id).toList());
        return rows.stream().map(b -> new UnderWay(b, open.getOrDefault(b.id(), 0L))).toList();
    }

    /** How many batches there are in scope, for the list's total. */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public long count(DataScope scope) {
        return jdbc.sql("select count(*) from disbursement.batch b join org.v_organisation o on o.id = b.org_id where starts_with(o.path, ?)")
                .param(scope.orgPath()).query(Long.class).single();
    }

    /** Batches in scope waiting at one of these steps: the home page's 待办. */
    @Transactional(readOnly = true)
    public long countAt(DataScope scope, java.util.Set<BatchStatus> statuses) {
        if (statuses.isEmpty()) {
            return 0;
        }
        return jdbc.sql("select count(*) from disbursement.batch b join org.v_organisation o on o.id = b.org_id where starts_with(o.path, ?) "
                + "and b.status = any(string_to_array(?, ','))").param(scope.orgPath())
                .param(String.join(",", statuses.stream().map(Enum::name).toList())).query(Long.class).single();
    }

    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public Batch find(DataScope scope, long id) {
        return batches.find(scope, id).orElseThrow(() -> BusinessRuleException.notFound("batch.error.notFound"));
    }

    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public void forEachItem(DataScope scope, long id, java.util.function.Consumer<BatchItemView> each) {
        find(scope, id);
        batches.forEachItem(id, each);
    }

    /** 公示名单 of the batch, of one union or all ({@code union} null or blank), as it is cut into printed parts. */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public PublicityList publicityList(DataScope scope, long id, String union) {
        find(scope, id);
        String chosen = union == null || union.isBlank() ? null : union;
        List<PublicityList.Union> unions = batches.listedUnions(id);
        long listed = chosen == null ? unions.stream().mapToLong(PublicityList.Union::listed).sum()
                : unions.stream().filter(u -> u.name().equals(chosen)).mapToLong(PublicityList.Union::listed).sum();
        return new PublicityList(chosen, unions, listed, batches.listedPartStarts(id, chosen, PublicityList.PART_SIZE));
    }

    /** The names of one part of a 公示名单 ({@link #publicityList}), in order, streamed. */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public void forEachListed(DataScope scope, long id, PublicityList list, int part,
            java.util.function.Consumer<BatchItemView> each) {
        find(scope, id);
        batches.forEachListed(id, list.union(), list.startOf(part), PublicityList.PART_SIZE, each);
    }

    /** The payment and its re-issue if it has one, as they stand. */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public List<BatchItemView> itemAndReissue(DataScope scope, long id, long itemId) {
        find(scope, id);
        return batches.itemAndReissue(id, itemId);
    }

    /** 发放名单 a page at a time: by name (contained) or reference (exact), in the batch's order. */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public Page<BatchItemView> itemPage(DataScope scope, long id, PageRequest page) {
        find(scope, id);
        return Page.of(batches.itemPage(id, page.search(), page.after() == null ? null : Long.valueOf(page.after()),
                page.size() + 1), page.size(), i -> Long.toString(i.id()));
    }

    /** For each of these statement lines no payment claimed, the payments it could be matched to by hand (手工匹配). */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public Map<Long, List<BatchItemView>> matchCandidates(DataScope scope, long id, List<Long> lineIds) {
        find(scope, id);
        return batches.matchCandidates(id, lineIds, Settlement.asSqlValues("t"), MATCH_CANDIDATES);
    }

    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public List<Objection> objections(DataScope scope, long id) {
        find(scope, id);
        return batches.objections(id);
    }

    @PreAuthorize("hasRole('CLERK')")
    @Transactional
    public Batch submit(DataScope scope, long id) {
        return submit(scope, id, null);
    }

    /** 提交审核, with the clerk's optional note (意见) kept in the batch's record of steps. */
    @PreAuthorize("hasRole('CLERK')")
    @Transactional
    public Batch submit(DataScope scope, long id, String opinion) {
        return step(scope, id, "batch.submitted", opinion, b -> b.submit(Actor.current()));
    }

    @PreAuthorize("hasRole('REVIEWER')")
    @Transactional
    public Batch review(DataScope scope, long id) {
        return review(scope, id, null);
    }

    /** 审核通过 (reserving the money), with the reviewer's optional 审核意见. */
    @PreAuthorize("hasRole('REVIEWER')")
    @Transactional
    public Batch review(DataScope scope, long id, String opinion) {
        Batch before = find(scope, id);
        List<ItemHolds.Hold> held = held(id);
        if (!held.isEmpty()) {
            throw BusinessRuleException.conflict("batch.error.held", held.size(), String.join("；", held.stream().limit(5)
                    .map(h -> h.payee() + "（" + h.reason() + "）").toList()));
        }
        Batch after = step(scope, id, "batch.reviewed", opinion, b -> b.review(Actor.current()));
        funds.reserve(ledgerOf(scope, before), before.totalFen(), LocalDate.now());
        return after;
    }

    /** The batch's payments held back by an unresolved hit (外部数据比对), matched again now. */
    List<ItemHolds.Hold> held(long batchId) {
        List<ItemHolds.Hold> all = new java.util.ArrayList<>();
        holds.forEach(h -> all.addAll(h.unresolved(batchId)));
        return all;
    }

    void releaseHolds(long itemId, String by) {
        holds.forEach(h -> h.removed(itemId, by));
    }

    /**
     * Takes one payment out of a batch not yet paid (剔除), with the reason: before review it simply leaves; after
     * review its reserved money is released. The holds on it are resolved by its removal.
     */
    @PreAuthorize("hasRole('CLERK')")
    @Transactional
    public Batch removeItem(DataScope scope, long id, long itemId, String reason) {
        if (reason == null || reason.isBlank() || reason.strip().length() > 200) {
            throw BusinessRuleException.invalid("batch.error.removeReason");
        }
        Batch batch = locked(scope, id);
        if (!BatchStatus.NOT_YET_PAID.contains(batch.status())) {
            throw BusinessRuleException.conflict("batch.error.state", batch.status().label(), BatchStatus.SUBMITTED.label());
        }
        BatchItemView item = batches.item(id, itemId).filter(i -> ItemStatus.PENDING.name().equals(i.status()))
                .orElseThrow(() -> BusinessRuleException.notFound("batch.error.itemNotFound"));
        String note = "剔除：" + reason.strip();
        batches.setItemStatus(itemId, ItemStatus.EXCLUDED, note);
        if (batch.reserved()) {
            funds.book(ledgerOf(scope, batch), new Funds.Movement(LedgerKind.RELEASE, LocalDate.now(), item.amountFen(),
                    item.reference(), itemId, note));
        }
        releaseHolds(itemId, CurrentUser.require().getUsername());
        audit.record("batch.itemRemoved", "batch", id, Map.of("item", itemId, "reason", reason.strip()));
        return find(scope, id);
    }

    @PreAuthorize("hasAnyRole('REVIEWER', 'LEADER')")
    @Transactional
    public Batch reject(DataScope scope, long id, String reason) {
        Batch before = find(scope, id);
        Batch after = step(scope, id, "batch.rejected", reason, b -> b.reject(Actor.current(), reason));
        if (before.reserved()) {
            funds.book(ledgerOf(scope, before), new Funds.Movement(LedgerKind.RELEASE, LocalDate.now(), before.totalFen(),
                    "批次" + id + "退回", null, reason));
        }
        return after;
    }

    @PreAuthorize("hasRole('LEADER')")
    @Transactional
    public Batch decide(DataScope scope, long id, String minutesNo, LocalDate decidedOn, byte[] minutes) {
        return decide(scope, id, minutesNo, decidedOn, minutes, null);
    }

    /** 集体研究决策, with the leader's optional opinion. */
    @PreAuthorize("hasRole('LEADER')")
    @Transactional
    public Batch decide(DataScope scope, long id, String minutesNo, LocalDate decidedOn, byte[] minutes, String opinion) {
        String evidence = minutes == null || minutes.length == 0 ? null : files.save(minutes).key();
        return step(scope, id, "batch.decided", opinion, b -> b.decide(Actor.current(), minutesNo, decidedOn, evidence));
    }

    @PreAuthorize("hasRole('CLERK')")
    @Transactional
    public Batch publicize(DataScope scope, long id, LocalDate from, Integer workingDays) {
        return step(scope, id, "batch.publicized", b -> b.publicize(Actor.current(), from,
                workingDays == null ? 5 : workingDays));
    }

    /** The photo of the posted list (JPG or PNG, or a PDF scan), kept by its hash. */
    @PreAuthorize("hasRole('CLERK')")
    @Transactional
    public Batch publicityPhoto(DataScope scope, long id, byte[] photo) {
        if (photo == null || photo.length < 8 || !(isJpeg(photo) || isPng(photo) || isPdf(photo))) {
            throw BusinessRuleException.invalid("evidence.error.type");
        }
        String key = files.save(photo).key();
        return step(scope, id, "batch.publicityPhoto", b -> b.withPhoto(Actor.current(), key));
    }

    @PreAuthorize("hasRole('CLERK')")
    @Transactional
    public long raiseObjection(DataScope scope, long id, String raisedBy, String content) {
        Batch b = find(scope, id);
        if (b.status() != BatchStatus.PUBLICIZING) {
            throw BusinessRuleException.conflict("batch.error.state", b.status().label(), BatchStatus.PUBLICIZING.label());
        }
        if (raisedBy == null || raisedBy.isBlank() || content == null || content.isBlank()) {
            throw BusinessRuleException.invalid("batch.error.objection");
        }
        long oid = batches.addObjection(id, raisedBy.strip(), content.strip(), CurrentUser.require().getUsername());
        audit.record("batch.objectionRaised", "batch", id, Map.of("objectionId", oid));
        return oid;
    }

    @PreAuthorize("hasAnyRole('REVIEWER', 'LEADER')")
    @Transactional
    public void resolveObjection(DataScope scope, long id, long objectionId, String resolution) {
        find(scope, id).checkResolveObjection(Actor.current());
        if (resolution == null || resolution.isBlank()
                || batches.resolveObjection(id, objectionId, resolution.strip(), CurrentUser.require().getUsername()) != 1) {
            throw BusinessRuleException.invalid("batch.error.resolution");
        }
        audit.record("batch.objectionResolved", "batch", id, Map.of("objectionId", objectionId, "opinion", resolution.strip()));
    }

    @PreAuthorize("hasRole('CLERK')")
    @Transactional
    public Batch closePublicity(DataScope scope, long id) {
        return closePublicity(scope, id, null);
    }

    @PreAuthorize("hasRole('CLERK')")
    @Transactional
    public Batch closePublicity(DataScope scope, long id, String opinion) {
        long open = batches.openObjections(id);
        return step(scope, id, "batch.publicityClosed", opinion,
                b -> b.closePublicity(Actor.current(), LocalDate.now(), open));
    }

    @PreAuthorize("hasRole('FINANCE')")
    @Transactional
    public Batch complete(DataScope scope, long id) {
        return complete(scope, id, null);
    }

    @PreAuthorize("hasRole('FINANCE')")
    @Transactional
    public Batch complete(DataScope scope, long id, String opinion) {
        long pending = batches.countItems(id, ItemStatus.PENDING);
        long unmatched = jdbc.sql("select count(*) from disbursement.statement_line where batch_id = ? and item_id is null and set_aside_reason is null").param(id)
                .query(Long.class).single();
        return step(scope, id, "batch.completed", opinion, b -> b.complete(Actor.current(), pending + unmatched));
    }

    /** Cancels a draft (作废) with a reason; its lines leave the batch, so its people may be paid by another. */
    @PreAuthorize("hasRole('CLERK')")
    @Transactional
    public Batch cancel(DataScope scope, long id, String reason) {
        Batch after = step(scope, id, "batch.cancelled", reason, b -> b.cancel(Actor.current(), reason));
        jdbc.sql("update disbursement.batch_item set status = 'EXCLUDED', status_note = ? where batch_id = ? and status = 'PENDING'")
                .param(messages.get("batch.line.cancelled")).param(id).update();
        return find(scope, id);
    }

    /** One step: the batch's row locked, its rule checked by {@link Batch}, written, audited. */
    Batch step(DataScope scope, long id, String action, java.util.function.UnaryOperator<Batch> change) {
        return step(scope, id, action, null, change);
    }

    /**
     * One step with the opinion (审核意见) of whoever takes it, kept in the step's audit entry, which is the batch's
     * record of who did what, when and why ({@link #record}).
     */
    Batch step(DataScope scope, long id, String action, String opinion, java.util.function.UnaryOperator<Batch> change) {
        String said = opinion == null || opinion.isBlank() ? null : opinion.strip();
        if (said != null && said.length() > 500) {
            throw BusinessRuleException.invalid("batch.error.opinion");
        }
        Batch before = locked(scope, id);
        Batch after = change.apply(before);
        batches.update(after);
        Map<String, Object> detail = new java.util.LinkedHashMap<>();
        detail.put("from", before.status().name());
        detail.put("to", after.status().name());
        if (said != null) {
            detail.put("opinion", said);
        }
        audit.record(action, "batch", id, detail);
        return batches.find(scope, id).orElseThrow();
    }

    /** 办理记录: every step of the batch in order, with who took it and their opinion. */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public List<cn.unionaid.audit.AuditEntry> record(DataScope scope, long id) {
        find(scope, id);
        return extracts.forEntity("batch", Long.toString(id));
    }

    /** The batch in scope with its row locked until the transaction ends: every step that moves money starts here. */
    Batch locked(DataScope scope, long id) {
        return batches.findForUpdate(scope, id).orElseThrow(() -> BusinessRuleException.notFound("batch.error.notFound"));
    }

    /** The ledger the batch is booked on: its union, its program's year, its source and program. */
    BatchLedger ledgerOf(DataScope scope, Batch b) {
        return new BatchLedger(b.orgId(), programYear(scope, b), b.source(), b.programId(), b.id());
    }

    /** The budget year a batch is charged to: its program's year, never the year it happens to be paid in. */
    int programYear(DataScope scope, Batch b) {
        return programs.find(scope, b.programId()).map(Program::year).orElseThrow();
    }

    private static boolean isJpeg(byte[] c) {
        return (c[0] & 0xff) == 0xFF && (c[1] & 0xff) == 0xD8;
    }

    private static boolean isPng(byte[] c) {
        return (c[0] & 0xff) == 0x89 && c[1] == 'P' && c[2] == 'N' && c[3] == 'G';
    }

    private static boolean isPdf(byte[] c) {
        return c[0] == '%' && c[1] == 'P' && c[2] == 'D' && c[3] == 'F';
    }
}
