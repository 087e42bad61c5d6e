package cn.unionaid.platform.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Files kept by content: each is stored once under its SHA-256, so a key names exactly one content and a
 * changed file can never pass for the one that was uploaded.
 */
@Component
public class FileStore {

    private final Path root;

    FileStore(@Value("${unionaid.files-dir:./data/files}") Path root) {
        this.root = root;
    }

    public record Stored(String key, String sha256, long size) {
    }

    public Stored save(byte[] content) {
        return save(new java.io.ByteArrayInputStream(content));
    }

    /** Stores a stream without holding it in memory: written to a temporary file while hashed, then moved in place. */
    public Stored save(InputStream content) {
        try {
            Files.createDirectories(root);
            Path tmp = Files.createTempFile(root, "upload", ".tmp");
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            long size;
            try (InputStream in = new java.security.DigestInputStream(content, digest)) {
                size = Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            }
            String sha = HexFormat.of().formatHex(digest.digest());
            String key = sha.substring(0, 2) + "/" + sha;
            Path target = root.resolve(key);
            Files.createDirectories(target.getParent());
            if (Files.exists(target)) {
                Files.delete(tmp);
            } else {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            return new Stored(key, sha, size);
        } catch (IOException e) {
            throw new UncheckedIOException("could not store a file in " + root.toAbsolutePath(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public InputStream open(String key) throws IOException {
        if (!key.matches("[0-9a-f]{2}/[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a file key");
        }
        return Files.newInputStream(root.resolve(key));
    }

    /** The type a scanned document really is, from its first bytes: PDF, JPEG or PNG; anything else is empty. */
    public static java.util.Optional<String> documentType(byte[] c) {
        if (c.length > 4 && c[0] == '%' && c[1] == 'P' && c[2] == 'D' && c[3] == 'F') {
            return java.util.Optional.of("application/pdf");
        }
        if (c.length > 3 && (c[0] & 0xff) == 0xFF && (c[1] & 0xff) == 0xD8 && (c[2] & 0xff) == 0xFF) {
            return java.util.Optional.of("image/jpeg");
        }
        if (c.length > 8 && (c[0] & 0xff) == 0x89 && c[1] == 'P' && c[2] == 'N' && c[3] == 'G') {
            return java.util.Optional.of("image/png");
        }
        return java.util.Optional.empty();
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
