package cn.unionaid.disbursement;

import java.util.List;

/**
 * How a batch's payments came out: per status, the statement lines no payment matched (waiting for a person), and those
 * set aside as not belonging to the batch, with why and by whom.
 */
public record ReconciliationReport(long batchId, List<Line> byStatus, List<Unmatched> unmatched, List<Unmatched> setAside,
        long statementLines) {

    public record Line(String status, String label, long items, String amountYuan) {
    }

    public record Unmatched(long lineId, String reference, String name, String amountYuan, String outcome,
            String valueDate, String outcomeLabel, String bankNote, String setAsideReason, String setAsideBy) {
    }
}
