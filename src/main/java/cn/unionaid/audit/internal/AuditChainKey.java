package cn.unionaid.audit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The key of the audit chain's HMAC-SM3, held outside the database like the field keys: someone who can
 * write the audit table but does not hold this key cannot compute a valid hash for an edited or forged row.
 * Configured as {@code unionaid.crypto.audit-key} (Base64 of 32 bytes) or generated once into the key
 * directory as {@code audit-chain.key}.
 */
@Component
public class AuditChainKey {

    private static final Logger log = LoggerFactory.getLogger(AuditChainKey.class);
    static final String FILE = "audit-chain.key";

    private final byte[] key;

    AuditChainKey(@Value("${unionaid.crypto.audit-key:}") String configured,
            @Value("${unionaid.crypto.key-dir:./data/keys}") Path keyDir) {
        this.key = configured.isBlank() ? fromFile(keyDir.resolve(FILE)) : Base64.getDecoder().decode(configured.strip());
        if (key.length < 16) {
            throw new IllegalStateException("unionaid.crypto.audit-key must be at least 16 bytes");
        }
    }

    /** HMAC-SM3 of the input under the chain key. */
    byte[] mac(byte[] input) {
        HMac mac = new HMac(new SM3Digest());
        mac.init(new KeyParameter(key));
        mac.update(input, 0, input.length);
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return out;
    }

    /** A MAC over text, for the anchor file's lines. */
    byte[] mac(String text) {
        return mac(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] fromFile(Path file) {
        try {
            if (!Files.exists(file)) {
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                // whole or not at all: an instance starting beside this one reads this key, never half of it
                if (cn.unionaid.platform.files.WrittenOnce.create(file,
                        (Base64.getEncoder().encodeToString(fresh) + "\n").getBytes(StandardCharsets.US_ASCII))) {
                    log.warn("Generated the audit chain key into {}. Back it up with the field keys; production supplies "
                            + "UNIONAID_CRYPTO_AUDITKEY instead.", file.toAbsolutePath());
                }
            }
            return Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or create the audit chain key " + file.toAbsolutePath(), e);
        }
    }
}
