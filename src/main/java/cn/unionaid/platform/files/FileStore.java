package cn.unionaid.platform.files;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.stream.Stream;

import cn.unionaid.shared.FieldCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Files kept by content and sealed at rest. Each is stored once under the SHA-256 of its plain content, so a key
 * names exactly one content and a changed file can never pass for the one that was uploaded; on disk it is
 * SM4-GCM ciphertext under the field keys ({@link FieldCipher#sealing}), so rosters, payment files, statements
 * and evidence are never readable as plain files. Files written before sealing existed are sealed at start.
 */
@Component
public class FileStore {

    private static final Logger log = LoggerFactory.getLogger(FileStore.class);
    private static final String KEY = "[0-9a-f]{2}/[0-9a-f]{64}";

    private final Path root;
    private final FieldCipher cipher;

    FileStore(@Value("${unionaid.files-dir:${unionaid.registry.files-dir:./data/files}}") Path root, FieldCipher cipher) {
        this.root = root;
        this.cipher = cipher;
    }

    public record Stored(String key, String sha256, long size) {
    }

    public Stored save(byte[] content) {
        return save(new ByteArrayInputStream(content));
    }

    /** Stores a stream without holding it in memory: sealed into a temporary file while hashed, then moved in place. */
    public Stored save(InputStream content) {
        try {
            Files.createDirectories(root);
            Path tmp = Files.createTempFile(root, "upload", ".tmp");
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            long size;
            try (InputStream in = new DigestInputStream(content, digest);
                    OutputStream out = cipher.sealing(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
                size = in.transferTo(out);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(tmp);
                throw e;
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

    /** The plain content of a stored file. */
    public InputStream open(String key) throws IOException {
        BufferedInputStream in = new BufferedInputStream(Files.newInputStream(path(key)), 1 << 16);
        in.mark(8);
        byte[] head = in.readNBytes(4);
        in.reset();
        // A file from before sealing that the start has not reached yet is still read.
        return FieldCipher.isSealedFile(head) ? cipher.opening(in) : in;
    }

    /** Removes a stored file (a refused upload past its keeping time); a missing file is no error. */
    public void delete(String key) {
        try {
            Files.deleteIfExists(path(key));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the sealed files are (for operators' backups and for tests that look at the disk). */
    public Path root() {
        return root;
    }

    public boolean exists(String key) {
        return Files.exists(path(key));
    }

    private Path path(String key) {
        if (key == null || !key.matches(KEY)) {
            throw new IllegalArgumentException("not a file key");
        }
        return root.resolve(key);
    }

    /** Seals, in place, every file stored before files were sealed. Re-runnable: sealed files are left alone. */
    @EventListener(ApplicationReadyEvent.class)
    public void sealLegacyFiles() {
        if (!Files.isDirectory(root)) {
            return;
        }
        int sealed = 0;
        try (Stream<Path> files = Files.walk(root, 2)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String key = root.relativize(file).toString().replace('\\', '/');
                if (!key.matches(KEY)) {
                    continue;
                }
                byte[] head;
                try (InputStream in = Files.newInputStream(file)) {
                    head = in.readNBytes(4);
                }
                if (FieldCipher.isSealedFile(head)) {
                    continue;
                }
                Path tmp = Files.createTempFile(root, "seal", ".tmp");
                try (InputStream in = Files.newInputStream(file);
                        OutputStream out = cipher.sealing(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
                    in.transferTo(out);
                }
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                sealed++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not seal the files in " + root.toAbsolutePath(), e);
        }
        if (sealed > 0) {
            log.info("Sealed {} stored files that were kept in plain before", sealed);
        }
    }

    /** The type a scanned document really is, from its first bytes: PDF, JPEG or PNG; anything else is empty. */
    public static Optional<String> documentType(byte[] c) {
        if (c.length > 4 && c[0] == '%' && c[1] == 'P' && c[2] == 'D' && c[3] == 'F') {
            return Optional.of("application/pdf");
        }
        if (c.length > 3 && (c[0] & 0xff) == 0xFF && (c[1] & 0xff) == 0xD8 && (c[2] & 0xff) == 0xFF) {
            return Optional.of("image/jpeg");
        }
        if (c.length > 8 && (c[0] & 0xff) == 0x89 && c[1] == 'P' && c[2] == 'N' && c[3] == 'G') {
            return Optional.of("image/png");
        }
        return Optional.empty();
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
