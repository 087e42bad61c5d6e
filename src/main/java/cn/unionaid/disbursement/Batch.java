package cn.unionaid.disbursement;

import java.time.DayOfWeek;
import java.time.LocalDate;

import cn.unionaid.platform.BusinessRuleException;
import cn.unionaid.shared.FundSource;

/**
 * A payment batch (发放批次) and the rules of its steps: each step needs the one before; whoever did a step
 * cannot approve it; publicity closes only after its period, with a photo of the posted list and no open
 * objection. Each method returns the batch after the step.
 */
public record Batch(long id, long orgId, long programId, Long runId, FundSource source, String title, BatchStatus status,
        long totalFen, String preparedBy, String submittedBy, String reviewedBy, String decidedBy, String minutesNo,
        LocalDate decidedOn, String minutesEvidence, LocalDate publicityFrom, LocalDate publicityTo,
        String publicityPhoto, String fileSha256, String rejection, int version) {

    private Batch with(BatchStatus s) {
        return new Batch(id, orgId, programId, runId, source, title, s, totalFen, preparedBy, submittedBy, reviewedBy,
                decidedBy, minutesNo, decidedOn, minutesEvidence, publicityFrom, publicityTo, publicityPhoto, fileSha256,
                null, version);
    }

    private void require(BatchStatus expected) {
        if (status != expected) {
            throw BusinessRuleException.conflict("batch.error.state", status.label(), expected.label());
        }
    }

    public Batch submit(String by) {
        require(BatchStatus.DRAFT);
        if (totalFen <= 0) {
            throw BusinessRuleException.invalid("batch.error.empty");
        }
        Batch b = with(BatchStatus.SUBMITTED);
        return new Batch(id, orgId, programId, runId, source, title, b.status, totalFen, preparedBy, by, null, null, null,
                null, null, null, null, null, null, null, version);
    }

    public Batch review(String by) {
        require(BatchStatus.SUBMITTED);
        if (by.equals(submittedBy) || by.equals(preparedBy)) {
            throw BusinessRuleException.forbidden("batch.error.ownStep");
        }
        return new Batch(id, orgId, programId, runId, source, title, BatchStatus.REVIEWED, totalFen, preparedBy,
                submittedBy, by, null, null, null, null, null, null, null, null, null, version);
    }

    public Batch decide(String by, String minutes, LocalDate on, String evidence) {
        require(BatchStatus.REVIEWED);
        if (by.equals(reviewedBy) || by.equals(submittedBy)) {
            throw BusinessRuleException.forbidden("batch.error.ownStep");
        }
        if (minutes == null || minutes.isBlank() || on == null) {
            throw BusinessRuleException.invalid("batch.error.minutes");
        }
        return new Batch(id, orgId, programId, runId, source, title, BatchStatus.DECIDED, totalFen, preparedBy,
                submittedBy, reviewedBy, by, minutes.strip(), on, evidence, null, null, null, null, null, version);
    }

    /** Publicity over {@code workingDays} working days (Monday to Friday) from {@code from}. */
    public Batch publicize(LocalDate from, int workingDays) {
        require(BatchStatus.DECIDED);
        if (from == null || workingDays < 1 || workingDays > 30) {
            throw BusinessRuleException.invalid("batch.error.publicityPeriod");
        }
        if (decidedOn != null && from.isBefore(decidedOn)) {
            throw BusinessRuleException.invalid("batch.error.publicityBeforeDecision");
        }
        return new Batch(id, orgId, programId, runId, source, title, BatchStatus.PUBLICIZING, totalFen, preparedBy,
                submittedBy, reviewedBy, decidedBy, minutesNo, decidedOn, minutesEvidence, from,
                endOfPeriod(from, workingDays), null, null, null, version);
    }

    public Batch withPhoto(String evidenceSha) {
        require(BatchStatus.PUBLICIZING);
        return new Batch(id, orgId, programId, runId, source, title, status, totalFen, preparedBy, submittedBy,
                reviewedBy, decidedBy, minutesNo, decidedOn, minutesEvidence, publicityFrom, publicityTo, evidenceSha,
                null, null, version);
    }

    public Batch closePublicity(LocalDate today, long openObjections) {
        require(BatchStatus.PUBLICIZING);
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

    public Batch fileGenerated(String sha256) {
        require(BatchStatus.PUBLICITY_CLOSED);
        return new Batch(id, orgId, programId, runId, source, title, BatchStatus.FILE_GENERATED, totalFen, preparedBy,
                submittedBy, reviewedBy, decidedBy, minutesNo, decidedOn, minutesEvidence, publicityFrom, publicityTo,
                publicityPhoto, sha256, null, version);
    }

    public Batch reconciled() {
        require(BatchStatus.FILE_GENERATED);
        return with(BatchStatus.RECONCILED);
    }

    public Batch complete(long unsettledItems) {
        require(BatchStatus.RECONCILED);
        if (unsettledItems > 0) {
            throw BusinessRuleException.conflict("batch.error.unsettled", unsettledItems);
        }
        return with(BatchStatus.COMPLETED);
    }

    /** Sent back to the preparer with a reason, from review or from the decision. */
    public Batch reject(String by, String reason) {
        if (status != BatchStatus.SUBMITTED && status != BatchStatus.REVIEWED) {
            throw BusinessRuleException.conflict("batch.error.state", status.label(), BatchStatus.SUBMITTED.label());
        }
        if (reason == null || reason.isBlank()) {
            throw BusinessRuleException.invalid("batch.error.rejectReason");
        }
        if (by.equals(submittedBy)) {
            throw BusinessRuleException.forbidden("batch.error.ownStep");
        }
        return new Batch(id, orgId, programId, runId, source, title, BatchStatus.DRAFT, totalFen, preparedBy, null, null,
                null, null, null, null, null, null, null, null, reason.strip(), version);
    }

    public String totalYuan() {
        return cn.unionaid.shared.Money.ofFen(totalFen).toYuanString();
    }

    public boolean reserved() {
        return status.ordinal() >= BatchStatus.REVIEWED.ordinal();
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
