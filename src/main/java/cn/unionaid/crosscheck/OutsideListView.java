package cn.unionaid.crosscheck;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** An imported list as its readers see it: never its content. */
public record OutsideListView(long id, String orgName, OutsideListKind kind, String source, LocalDate asOf, int entries,
        long hits, String uploadedBy, OffsetDateTime uploadedAt, LocalDate purgeAfter, boolean purged) {

    @com.fasterxml.jackson.annotation.JsonProperty("kindLabel")
    public String kindLabel() {
        return kind.label();
    }
}
