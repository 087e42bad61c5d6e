package cn.unionaid.registry;

import java.time.Instant;
import java.time.LocalDate;

/** One line of an archive's history. */
public record RegistryEvent(long id, EventKind kind, LocalDate date, String reason, String detail, String fromOrg,
        String toOrg, Long evidenceId, String recordedBy, Instant recordedAt) {
}
