package cn.unionaid.disbursement;

import java.time.Instant;

/** 异议 raised during publicity: who, what, and how it was resolved. */
public record Objection(long id, String raisedBy, String content, String recordedBy, Instant recordedAt,
        String resolution, String resolvedBy, Instant resolvedAt) {

    public boolean open() {
        return resolution == null;
    }
}
