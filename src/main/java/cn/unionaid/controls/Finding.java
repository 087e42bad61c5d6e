package cn.unionaid.controls;

import java.time.Instant;

/** A payment (or batch, or ledger line) that broke a check, and what was done about it. */
public record Finding(long id, ControlCheck check, String orgName, Integer year, String detail, Long amountFen,
        Long batchId, String status, Instant firstSeenAt, Instant lastSeenAt, String note, String notedBy,
        Instant closedAt, String closedReason) {

    public String checkTitle() {
        return check.title();
    }

    public String severity() {
        return check.severity().label();
    }
}
