package cn.unionaid.disbursement;

import java.util.List;

/** How a batch's payments came out: per status, and the statement lines no payment matched. */
public record ReconciliationReport(long batchId, List<Line> byStatus, List<Unmatched> unmatched, long statementLines) {

    public record Line(String status, String label, long items, String amountYuan) {
    }

    public record Unmatched(long lineId, String reference, String name, String amountYuan, String outcome,
            String valueDate) {
    }
}
