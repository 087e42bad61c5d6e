package cn.unionaid.policy;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One version of a standard: a value for a region from a date, on a document, proposed by one person of a union
 * ({@code orgId}, whose tree path is {@code orgPath}) and decided by another. It applies to the programs of that
 * union and of the unions below it.
 */
public record ParameterVersion(long id, String key, String regionCode, LocalDate effectiveFrom, long value,
        String documentRef, String status, String proposedBy, Instant proposedAt, String decidedBy, Instant decidedAt,
        String decisionNote, ParameterUnit unit, long orgId, String orgName, String orgPath) {

    /** Whether a program of the union at {@code programOrgPath} may use this version. */
    public boolean appliesTo(String programOrgPath) {
        return programOrgPath != null && programOrgPath.startsWith(orgPath);
    }

    public String formatted() {
        return unit.format(value);
    }
}
