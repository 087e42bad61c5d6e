package cn.unionaid.audit.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;

import org.springframework.stereotype.Component;

/**
 * The canonical form of an audit row and its keyed hash (HMAC-SM3 under {@link AuditChainKey}). Each field is
 * written with its length so that no two different rows can share a canonical form, and the previous row's
 * hash is part of the input. Without the key, which never enters the database, no one can re-compute the chain
 * after editing a row.
 */
@Component
class AuditHasher {

    static final byte[] GENESIS = new byte[32];

    private final AuditChainKey key;

    AuditHasher(AuditChainKey key) {
        this.key = key;
    }

    byte[] hash(long id, Instant occurredAt, String actor, Long orgId, String orgPath, String action,
            String entityType, String entityId, String detail, String requestId, String clientAddress, byte[] prevHash) {
        StringBuilder sb = new StringBuilder(256);
        field(sb, Long.toString(id));
        field(sb, Long.toString(occurredAt.getEpochSecond()) + "." + occurredAt.getNano());
        field(sb, actor);
        field(sb, Objects.toString(orgId, null));
        field(sb, orgPath);
        field(sb, action);
        field(sb, entityType);
        field(sb, entityId);
        field(sb, detail);
        field(sb, requestId);
        field(sb, clientAddress);
        byte[] content = sb.toString().getBytes(StandardCharsets.UTF_8);
        byte[] input = new byte[content.length + prevHash.length];
        System.arraycopy(content, 0, input, 0, content.length);
        System.arraycopy(prevHash, 0, input, content.length, prevHash.length);
        return key.mac(input);
    }

    private static void field(StringBuilder sb, String value) {
        if (value == null) {
            sb.append("-1:");
        } else {
            sb.append(value.length()).append(':').append(value);
        }
        sb.append('|');
    }
}
