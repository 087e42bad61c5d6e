package cn.unionaid.registry;

import java.time.Instant;
import java.util.UUID;

/** A roster import as the page follows it: how far it got and, once done, what it did. */
public record ImportJob(UUID id, RosterKind kind, String fileName, String status, long rowsRead, ImportResult result,
        String startedBy, Instant startedAt) {

    public boolean running() {
        return "RUNNING".equals(status);
    }
}
