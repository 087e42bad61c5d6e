package cn.unionaid.disbursement;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import cn.unionaid.platform.BusinessRuleException;
import cn.unionaid.shared.FundSource;

/**
 * A payment batch (发放批次) and the rules of its steps: each step needs the one before; who may act at each step
 * and who must differ is {@link BatchStep}'s table; publicity closes only after its period, with a photo of the
 * posted list and no open objection. Each method returns the batch after the step. {@code totalFen} is the sum of
 * its live payments, kept by the database as items change.
 */
public record Batch(long id, long orgId, long programId, Long runId, FundSource source, String title, BatchStatus status,
        long totalFen, String preparedBy, String submittedBy, String reviewedBy, String decidedBy, String minutesNo,
        LocalDate decidedOn, String minutesEvidence, LocalDate publicityFrom, LocalDate publicityTo,
        String publicityPhoto, String fileSha256, String fileBy, String settledBy, String rejection, int version) {

    private static final Set<BatchStatus> RESERVED = EnumSet.of(BatchStatus.REVIEWED, BatchStatus.DECIDED,
            BatchStatus.PUBLICIZING, BatchStatus.PUBLICITY_CLOSED, BatchStatus.FILE_GENERATED, BatchStatus.RECONCILED,
            BatchStatus.COMPLETED);

    private Batch with(BatchStatus s) {
        return new Batch(id, orgId, programId, runId, source, title, s, totalFen, preparedBy, submittedBy, reviewedBy,
                decidedBy, minutesNo, decidedOn, minutesEvidence, publicityFrom, publicityTo, publicityPhoto, fileSha256,
                fileBy, settledBy, null, version);
    }

    private void require(BatchStatus expected) {
        if (status != expected) {
            throw BusinessRuleException.conflict("batch.error.state", status.label(), expected.label());
        }
    }

    public Batch submit(Actor by) {
        require(BatchStatus.DRAFT);
        BatchStep.SUBMIT.check(this, by.username(), by.roles());
        if (totalFen <= 0) {
            throw BusinessRuleException.invalid("batch.error.empty");
        }
        return new Batch(id, orgId, programId, runId, source, title, BatchStatus.SUBMITTED, totalFen, preparedBy,
                by.username(), null, null, null, null, null, null, null, null, null, null, null, null, version);
    }

    /** A draft nobody will submit (作废): its people are free for another batch of the program. */
    public Batch cancel(Actor by, String reason) {
        require(BatchStatus.DRAFT);
        BatchStep.CANCEL.check(this, by.username(), by.roles());
        if (reason == null || reason.isBlank()) {
            throw BusinessRuleException.invalid("batch.error.rejectReason");
        }
        return new Batch(id, orgId, programId, runId, source, title, BatchStatus.CANCELLED, totalFen, preparedBy, null,
                null, null, null, null, null, null, null, null, null, null, null, reason.strip(), version);
    }

    public Batch review(Actor by) {
        require(BatchStatus.SUBMITTED);
        BatchStep.REVIEW.check(this, by.username(), by.roles());
        return new Batch(id, orgId, programId, runId, source, title, BatchStatus.REVIEWED, totalFen, preparedBy,
                submittedBy, by.username(), null, null, null, null, null, null, null, null, null, null, null, version);
    }

    public Batch decide(Actor by, String minutes, LocalDate on, String evidence) {
        require(BatchStatus.REVIEWED);
        BatchStep.DECIDE.check(this, by.username(), by.roles());
        if (minutes == null || minutes.isBlank() || on == null) {
            throw BusinessRuleException.invalid("batch.error.minutes");
        }
        return new Batch(id, orgId, programId, runId, source, title, BatchStatus.DECIDED, totalFen, preparedBy,
                submittedBy, reviewedBy, by.username(), minutes.strip(), on, evidence, null, null, null, null, null, null,
                null, version);
    }

    /** Publicity over {@code workingDays} working days (Monday to Friday) from {@code from}. */
    public Batch publicize(Actor by, LocalDate from, int workingDays) {
        require(BatchStatus.DECIDED);
        BatchStep.PUBLICIZE.check(this, by.username(), by.roles());
        if (from == null || workingDays < 1 || workingDays > 30) {
            throw BusinessRuleException.invalid("batch.error.publicityPeriod");
        }
        if (decidedOn != null && from.isBefore(decidedOn)) {
            throw BusinessRuleException.invalid("batch.error.publicityBeforeDecision");
        }
        return new Batch(id, orgId, programId, runId, source, title, BatchStatus.PUBLICIZING, totalFen, preparedBy,
                submittedBy, reviewedBy, decidedBy, minutesNo, decidedOn, minutesEvidence, from,
                endOfPeriod(from, workingDays), null, null, null, null, null, version);
    }

    public Batch withPhoto(Actor by, String evidenceSha) {
        require(BatchStatus.PUBLICIZING);
        BatchStep.PUBLICIZE.check(this, by.username(), by.roles());
        return new Batch(id, orgId, programId, runId, source, title, status, totalFen, preparedBy, submittedBy,
                reviewedBy, decidedBy, minutesNo, decidedOn, minutesEvidence, publicityFrom, publicityTo, evidenceSha,
                null, null, null, null, version);
    }

    public Batch closePublicity(Actor by, LocalDate today, long openObjections) {
        require(BatchStatus.PUBLICIZING);
        BatchStep.PUBLICIZE.check(this, by.username(), by.roles());
        if (today.isBefore(publicityTo)) {
            throw BusinessRuleException.conflict("batch.error.publicityRunning", publicityTo.toString());
        }
        if (publicityPhoto == null) {
            throw BusinessRuleException.conflict("batch.error.noPhoto");
        }
        if (openObjections > 0) {
            throw BusinessRuleException.conflict("batch.error.openObjection", openObjections);
        }
        return with(BatchStatus.PUBLICITY_CLOSED);
    }

    /**
     * The payment file was written: after publicity, or again after reconciliation for the re-issued payments
     * ({@code reissue}).
     */
    public Batch fileGenerated(Actor by, String sha256, boolean reissue) {
        require(reissue ? BatchStatus.RECONCILED : BatchStatus.PUBLICITY_CLOSED);
        BatchStep.PAYMENT_FILE.check(this, by.username(), by.roles());
        return new Batch(id, orgId, programId, runId, source, title, BatchStatus.FILE_GENERATED, totalFen, preparedBy,
                submittedBy, reviewedBy, decidedBy, minutesNo, decidedOn, minutesEvidence, publicityFrom, publicityTo,
                publicityPhoto, sha256, by.username(), settledBy, null, version);
    }

    /** The bank's statement is imported (or a line matched by hand) by {@code by}. */
    public Batch settledBy(Actor by) {
        if (status != BatchStatus.FILE_GENERATED && status != BatchStatus.RECONCILED) {
            throw BusinessRuleException.conflict("batch.error.state", status.label(), BatchStatus.FILE_GENERATED.label());
        }
        BatchStep.STATEMENT.check(this, by.username(), by.roles());
        return new Batch(id, orgId, programId, runId, source, title, status, totalFen, preparedBy, submittedBy,
                reviewedBy, decidedBy, minutesNo, decidedOn, minutesEvidence, publicityFrom, publicityTo, publicityPhoto,
                fileSha256, fileBy, by.username(), null, version);
    }

    /** A re-issue or a refund of one of the batch's payments may be done by {@code by}. */
    public void checkReissueOrRefund(Actor by) {
        BatchStep.REISSUE_OR_REFUND.check(this, by.username(), by.roles());
    }

    /** An objection to the published list may be resolved by {@code by}. */
    public void checkResolveObjection(Actor by) {
        BatchStep.RESOLVE_OBJECTION.check(this, by.username(), by.roles());
    }

    public Batch reconciled() {
        require(BatchStatus.FILE_GENERATED);
        return with(BatchStatus.RECONCILED);
    }

    public Batch complete(Actor by, long unsettledItems) {
        require(BatchStatus.RECONCILED);
        BatchStep.COMPLETE.check(this, by.username(), by.roles());
        if (unsettledItems > 0) {
            throw BusinessRuleException.conflict("batch.error.unsettled", unsettledItems);
        }
        return with(BatchStatus.COMPLETED);
    }

    /** Sent back to the preparer with a reason, from review or from the decision. */
    public Batch reject(Actor by, String reason) {
        if (status != BatchStatus.SUBMITTED && status != BatchStatus.REVIEWED) {
            throw BusinessRuleException.conflict("batch.error.state", status.label(), BatchStatus.SUBMITTED.label());
        }
        BatchStep.REJECT.check(this, by.username(), by.roles());
        if (reason == null || reason.isBlank()) {
            throw BusinessRuleException.invalid("batch.error.rejectReason");
        }
        return new Batch(id, orgId, programId, runId, source, title, BatchStatus.DRAFT, totalFen, preparedBy, null, null,
                null, null, null, null, null, null, null, null, null, null, reason.strip(), version);
    }

    public String totalYuan() {
        return cn.unionaid.shared.Money.ofFen(totalFen).toYuanString();
    }

    /** Whether the batch's money is reserved on its source's ledger (from review on). */
    public boolean reserved() {
        return RESERVED.contains(status);
    }

    static LocalDate endOfPeriod(LocalDate from, int workingDays) {
        LocalDate d = from;
        int counted = isWorkingDay(d) ? 1 : 0;
        while (counted < workingDays) {
            d = d.plusDays(1);
            if (isWorkingDay(d)) {
                counted++;
            }
        }
        return d;
    }

    private static boolean isWorkingDay(LocalDate d) {
        return d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
    }
}
