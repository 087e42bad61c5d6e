package cn.unionaid.registry;

import java.time.Instant;

/** A piece of evidence kept with an archive. */
public record EvidenceView(long id, EvidenceKind kind, String fileName, String contentType, long sizeBytes,
        String sha256, String note, String uploadedBy, Instant uploadedAt) {
}
