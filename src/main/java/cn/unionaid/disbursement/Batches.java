package cn.unionaid.disbursement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.unionaid.audit.AuditLog;
import cn.unionaid.disbursement.internal.BatchRepository;
import cn.unionaid.funds.Funds;
import cn.unionaid.funds.LedgerKind;
import cn.unionaid.platform.BusinessRuleException;
import cn.unionaid.platform.CurrentUser;
import cn.unionaid.platform.DataScope;
import cn.unionaid.platform.Page;
import cn.unionaid.platform.files.FileStore;
import cn.unionaid.policy.EntitlementRuns;
import cn.unionaid.policy.Program;
import cn.unionaid.policy.Programs;
import cn.unionaid.policy.RunView;
import cn.unionaid.registry.Payee;
import cn.unionaid.registry.Payees;
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

    private final BatchRepository batches;
    private final Programs programs;
    private final EntitlementRuns runs;
    private final Payees payees;
    private final Funds funds;
    private final FileStore files;
    private final JdbcClient jdbc;
    private final AuditLog audit;

    Batches(BatchRepository batches, Programs programs, EntitlementRuns runs, Payees payees, Funds funds,
            FileStore files, JdbcClient jdbc, AuditLog audit) {
        this.batches = batches;
        this.programs = programs;
        this.runs = runs;
        this.payees = payees;
        this.funds = funds;
        this.files = files;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** A line of a hand-made batch. */
    public record Line(long subjectId, long amountFen) {
    }

    @PreAuthorize("hasRole('CLERK')")
    @Transactional
    public Batch fromRun(DataScope scope, long runId, FundSource source, String title) {
        RunView run = runs.find(scope, runId).orElseThrow(() -> BusinessRuleException.notFound("policy.error.runNotFound"));
        List<Line> lines = runs.payable(scope, runId).stream().map(p -> new Line(p.subjectId(), p.amountFen())).toList();
        return create(scope, run.programId(), runId, source, title, lines);
    }

    @PreAuthorize("hasRole('CLERK')")
    @Transactional
    public Batch manual(DataScope scope, long programId, FundSource source, String title, List<Line> lines) {
        return create(scope, programId, null, source, title, lines);
    }

    private Batch create(DataScope scope, long programId, Long runId, FundSource source, String title, List<Line> lines) {
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
        List<String> problems = new ArrayList<>();
        int seq = 0;
        for (Line l : lines) {
            seq++;
            Payee p = payees.find(scope, type, l.subjectId()).orElse(null);
            if (p == null) {
                problems.add(l.subjectId() + "：档案不存在或不在权限范围内");
            } else if (p.sealedCard() == null) {
                problems.add(p.name() + "：没有本人银行卡，不能发放（不得现金或对公发放）");
            } else if (l.amountFen() <= 0) {
                problems.add(p.name() + "：金额须大于零");
            } else {
                jdbc.sql("""
                        insert into batch_item (batch_id, subject_type, subject_id, name, org_name, bank_name, card_enc,
                                                card_bidx, card_masked, amount_fen, reference, status)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING')
                        """).param(id).param(type.name()).param(p.subjectId()).param(p.name()).param(p.orgName())
                        .param(p.bankName()).param(p.sealedCard()).param(p.cardIndex()).param(p.cardMasked())
                        .param(l.amountFen()).param("B%d-%05d".formatted(id, seq)).update();
            }
        }
        if (!problems.isEmpty()) {
            throw BusinessRuleException.invalid("batch.error.payees", problems.size(), String.join("；",
                    problems.subList(0, Math.min(10, problems.size()))));
        }
        batches.refreshTotal(id);
        Batch batch = batches.find(scope, id).orElseThrow();
        audit.record("batch.created", "batch", id, Map.of("programId", programId, "runId", runId == null ? "" : runId,
                "items", lines.size(), "totalFen", batch.totalFen(), "source", source.name()));
        return batch;
    }

    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public Page<Batch> list(DataScope scope, String after) {
        List<Batch> rows = batches.list(scope, after == null ? null : Long.valueOf(after), 51);
        return Page.of(rows, 50, b -> Long.toString(b.id()));
    }

    /** Batches in scope waiting at one of these steps: the home page's 待办. */
    @Transactional(readOnly = true)
    public long countAt(DataScope scope, java.util.Set<BatchStatus> statuses) {
        if (statuses.isEmpty()) {
            return 0;
        }
        return jdbc.sql("select count(*) from batch b join organisation o on o.id = b.org_id where starts_with(o.path, ?) "
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
    public List<BatchItemView> items(DataScope scope, long id) {
        find(scope, id);
        return batches.items(id);
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
        return step(scope, id, "batch.submitted", b -> b.submit(user()));
    }

    @PreAuthorize("hasRole('REVIEWER')")
    @Transactional
    public Batch review(DataScope scope, long id) {
        Batch before = find(scope, id);
        Batch after = step(scope, id, "batch.reviewed", b -> b.review(user()));
        funds.reserve(before.orgId(), programYear(scope, before), before.source(), before.programId(), before.totalFen(), id,
                LocalDate.now());
        return after;
    }

    @PreAuthorize("hasAnyRole('REVIEWER', 'LEADER')")
    @Transactional
    public Batch reject(DataScope scope, long id, String reason) {
        Batch before = find(scope, id);
        Batch after = step(scope, id, "batch.rejected", b -> b.reject(user(), reason));
        if (before.reserved()) {
            funds.book(before.orgId(), programYear(scope, before), before.source(), before.programId(), LedgerKind.RELEASE,
                    before.totalFen(), id, null, LocalDate.now(), "批次" + id + "退回", reason);
        }
        return after;
    }

    @PreAuthorize("hasRole('LEADER')")
    @Transactional
    public Batch decide(DataScope scope, long id, String minutesNo, LocalDate decidedOn, byte[] minutes) {
        String evidence = minutes == null || minutes.length == 0 ? null : files.save(minutes).key();
        return step(scope, id, "batch.decided", b -> b.decide(user(), minutesNo, decidedOn, evidence));
    }

    @PreAuthorize("hasRole('CLERK')")
    @Transactional
    public Batch publicize(DataScope scope, long id, LocalDate from, Integer workingDays) {
        return step(scope, id, "batch.publicized", b -> b.publicize(from, workingDays == null ? 5 : workingDays));
    }

    /** The photo of the posted list (JPG or PNG, or a PDF scan), kept by its hash. */
    @PreAuthorize("hasRole('CLERK')")
    @Transactional
    public Batch publicityPhoto(DataScope scope, long id, byte[] photo) {
        if (photo == null || photo.length < 8 || !(isJpeg(photo) || isPng(photo) || isPdf(photo))) {
            throw BusinessRuleException.invalid("evidence.error.type");
        }
        String key = files.save(photo).key();
        return step(scope, id, "batch.publicityPhoto", b -> b.withPhoto(key));
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
        long oid = batches.addObjection(id, raisedBy.strip(), content.strip(), user());
        audit.record("batch.objectionRaised", "batch", id, Map.of("objectionId", oid));
        return oid;
    }

    @PreAuthorize("hasAnyRole('REVIEWER', 'LEADER')")
    @Transactional
    public void resolveObjection(DataScope scope, long id, long objectionId, String resolution) {
        find(scope, id);
        if (resolution == null || resolution.isBlank()
                || batches.resolveObjection(id, objectionId, resolution.strip(), user()) != 1) {
            throw BusinessRuleException.invalid("batch.error.resolution");
        }
        audit.record("batch.objectionResolved", "batch", id, Map.of("objectionId", objectionId));
    }

    @PreAuthorize("hasRole('CLERK')")
    @Transactional
    public Batch closePublicity(DataScope scope, long id) {
        long open = batches.openObjections(id);
        return step(scope, id, "batch.publicityClosed", b -> b.closePublicity(LocalDate.now(), open));
    }

    @PreAuthorize("hasRole('FINANCE')")
    @Transactional
    public Batch complete(DataScope scope, long id) {
        long pending = batches.countItems(id, ItemStatus.PENDING);
        long unmatched = jdbc.sql("select count(*) from statement_line where batch_id = ? and item_id is null").param(id)
                .query(Long.class).single();
        return step(scope, id, "batch.completed", b -> b.complete(pending + unmatched));
    }

    Batch step(DataScope scope, long id, String action, java.util.function.UnaryOperator<Batch> change) {
        Batch before = find(scope, id);
        Batch after = change.apply(before);
        batches.update(after);
        audit.record(action, "batch", id, Map.of("from", before.status().name(), "to", after.status().name()));
        return batches.find(scope, id).orElseThrow();
    }

    /** The budget year a batch is charged to: its program's year, never the year it happens to be paid in. */
    int programYear(DataScope scope, Batch b) {
        return programs.find(scope, b.programId()).map(Program::year).orElseThrow();
    }

    private static String user() {
        return CurrentUser.require().getUsername();
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
