package cn.unionaid.disbursement;

import java.util.List;

/**
 * How a batch's payments came out: per status, the statement lines no payment matched (waiting for a person), and those
 * set aside as not belonging to the batch, with why and by whom. Of each kind of line the first
 * {@link #LINES_SHOWN} are here with how many there are; the rest a page at a time
 * ({@code GET /api/v1/batches/{id}/statement-lines?setAside=}).
 */
public record ReconciliationReport(long batchId, List<Line> byStatus, List<Unmatched> unmatched, long unmatchedCount,
        List<Unmatched> setAside, long setAsideCount, long statementLines) {

    /** Lines of each kind a report holds: a wrong statement can leave all of a province's 800,000 unmatched. */
    public static final int LINES_SHOWN = 100;

    public record Line(String status, String label, long items, String amountYuan) {
    }

    public record Unmatched(long lineId, String reference, String name, String amountYuan, String outcome,
            String valueDate, String outcomeLabel, String bankNote, String setAsideReason, String setAsideBy) {
    }
}
