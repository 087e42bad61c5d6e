package cn.unionaid.crosscheck;

import java.time.LocalDate;

/** A hit as its readers see it: the masked ID number, the archive, the payment it holds back (if any), the rule. */
public record HitView(long id, long listId, OutsideListKind kind, String source, LocalDate listAsOf, int rowNo,
        String idNumberMasked, LocalDate eventDate, String subjectType, long subjectId, String name, String orgName,
        Long batchId, Long batchItemId, String amountYuan, HitStatus status, String explanation, boolean hasEvidence,
        String explainedBy, String resolvedBy) {

    @com.fasterxml.jackson.annotation.JsonProperty("rule")
    public String rule() {
        return kind.rule();
    }

    @com.fasterxml.jackson.annotation.JsonProperty("kindLabel")
    public String kindLabel() {
        return kind.label();
    }

    @com.fasterxml.jackson.annotation.JsonProperty("statusLabel")
    public String statusLabel() {
        return status.label();
    }
}
