package cn.unionaid.policy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.unionaid.audit.AuditLog;
import cn.unionaid.platform.BusinessRuleException;
import cn.unionaid.platform.CurrentUser;
import cn.unionaid.platform.DataScope;
import cn.unionaid.platform.Messages;
import cn.unionaid.platform.Page;
import cn.unionaid.policy.internal.ProgramRepository;
import cn.unionaid.policy.internal.RunComputation;
import cn.unionaid.policy.internal.RunRepository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Entitlement runs (核算): a run computes every person of the program's union on a reference date and never
 * changes afterwards; running again makes a new run, and two runs can be compared. A what-if run uses proposed
 * standards and can never be paid. A run that needs a missing standard stops, is kept as refused, and says
 * which standard is missing.
 */
@Service
public class EntitlementRuns {

    private final Programs programs;
    private final ProgramRepository programRepository;
    private final RunRepository runs;
    private final RunComputation computation;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Messages messages;

    EntitlementRuns(Programs programs, ProgramRepository programRepository, RunRepository runs,
            RunComputation computation, JdbcClient jdbc, AuditLog audit, Messages messages) {
        this.programs = programs;
        this.programRepository = programRepository;
        this.runs = runs;
        this.computation = computation;
        this.jdbc = jdbc;
        this.audit = audit;
        this.messages = messages;
    }

    @PreAuthorize(PolicyRoles.EDITORS)
    public RunView run(DataScope scope, long programId, LocalDate referenceDate, boolean whatIf) {
        Program program = programs.require(scope, programId);
        LocalDate date = referenceDate == null ? program.referenceDate() : referenceDate;
        String by = CurrentUser.require().getUsername();
        long runId = runs.open(program, whatIf, date, programRepository.ruleJson(program.rule()), by);
        String orgPath = jdbc.sql("select path from org.v_organisation where id = ?").param(program.orgId())
                .query(String.class).single();
        try {
            computation.compute(runId, program, orgPath, date, whatIf);
        } catch (BusinessRuleException e) {
            runs.refuse(runId, messages.of(e));
            audit.record("policy.runRefused", "entitlement_run", runId, Map.of("program", program.code(),
                    "reason", messages.of(e)));
            throw e;
        } catch (RuntimeException e) {
            runs.refuse(runId, messages.get("policy.error.runFailed"));
            throw e;
        }
        RunView view = runs.find(scope, runId).orElseThrow();
        audit.record("policy.runDone", "entitlement_run", runId, Map.of("program", program.code(),
                "kind", view.kind(), "referenceDate", date.toString(), "eligible", view.eligible(),
                "totalFen", view.totalYuan()));
        return view;
    }

    /** A run whose process died mid-way is refused at the next start (and by a sweep every minute). */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    @org.springframework.scheduling.annotation.Scheduled(fixedDelayString = "${unionaid.policy.abandoned-sweep-ms:60000}",
            initialDelayString = "60000")
    public void refuseAbandonedRuns() {
        runs.refuseAbandoned(messages.get("policy.error.runAbandoned"));
    }

    @PreAuthorize(PolicyRoles.READERS)
    public Optional<RunView> find(DataScope scope, long runId) {
        return runs.find(scope, runId);
    }

    @PreAuthorize(PolicyRoles.READERS)
    public List<RunView> ofProgram(DataScope scope, long programId) {
        programs.require(scope, programId);
        return runs.ofProgram(programId);
    }

    @PreAuthorize(PolicyRoles.READERS)
    public RunTotals totals(DataScope scope, long runId) {
        require(scope, runId);
        return runs.totals(runId, code -> messages.get("policy.reason." + code));
    }

    @PreAuthorize(PolicyRoles.READERS)
    public Page<EntitlementView> entitlements(DataScope scope, long runId, Decision decision, String q, String after,
            int size) {
        require(scope, runId);
        List<EntitlementView> rows = runs.entitlements(runId, decision, q, after == null ? null : Long.valueOf(after),
                size + 1);
        return Page.of(rows, size, e -> Long.toString(e.subjectId()));
    }

    @PreAuthorize(PolicyRoles.READERS)
    public Optional<EntitlementView> entitlement(DataScope scope, long runId, long subjectId) {
        require(scope, runId);
        return runs.entitlement(runId, subjectId);
    }

    @PreAuthorize(PolicyRoles.READERS)
    public RunComparison compare(DataScope scope, long runA, long runB) {
        RunView a = require(scope, runA);
        RunView b = require(scope, runB);
        if (a.programId() != b.programId()) {
            throw BusinessRuleException.invalid("policy.error.compareOtherProgram");
        }
        return runs.compare(runA, runB);
    }

    /** The official, finished runs in scope (a what-if or refused run pays nothing), for choosing one by name. */
    @PreAuthorize(PolicyRoles.READERS)
    public List<RunView> payableRuns(DataScope scope) {
        return runs.payable(scope);
    }

    /** A payable line of an official run. */
    public record Payable(long subjectId, long amountFen) {
    }

    /** What an official, finished run pays, person by person; a what-if or refused run pays nothing. */
    @PreAuthorize(PolicyRoles.READERS)
    public List<Payable> payable(DataScope scope, long runId) {
        RunView run = require(scope, runId);
        if (run.whatIf() || !"DONE".equals(run.status())) {
            throw BusinessRuleException.conflict("policy.error.notPayable");
        }
        return jdbc.sql("select subject_id, amount_fen from policy.entitlement where run_id = ? and decision in ('ELIGIBLE', 'CAPPED') order by subject_id")
                .param(runId).query((rs, n) -> new Payable(rs.getLong(1), rs.getLong(2))).list();
    }

    /**
     * What the program's rules allow each of these people (subject id → amount asked), as of the program's
     * reference date: the check of a line put in a batch by hand.
     */
    @PreAuthorize(PolicyRoles.READERS)
    public Map<Long, Assessment> assess(DataScope scope, long programId, Map<Long, Long> askedFen) {
        Program program = programs.require(scope, programId);
        String orgPath = jdbc.sql("select path from org.v_organisation where id = ?").param(program.orgId())
                .query(String.class).single();
        return computation.assess(program, orgPath, program.referenceDate(), askedFen);
    }

    private RunView require(DataScope scope, long runId) {
        return runs.find(scope, runId).orElseThrow(() -> BusinessRuleException.notFound("policy.error.runNotFound"));
    }
}
