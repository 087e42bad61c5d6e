package cn.unionaid.policy;

import java.time.Instant;
import java.time.LocalDate;

/** One version of a standard: a value for a region from a date, on a document, proposed and decided by two people. */
public record ParameterVersion(long id, String key, String regionCode, LocalDate effectiveFrom, long value,
        String documentRef, String status, String proposedBy, Instant proposedAt, String decidedBy, Instant decidedAt,
        String decisionNote, ParameterUnit unit) {

    public String formatted() {
        return unit.format(value);
    }
}
