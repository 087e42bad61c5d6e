package cn.unionaid.platform.files;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A file that holds a secret generated at first start (the field keys, the audit chain's key), written whole and
 * readable by its owner only before it appears under its name: two instances starting together on one key directory
 * never read half a file, and the second keeps the first's instead of putting its own there.
 */
public final class WrittenOnce {

    private WrittenOnce() {
    }

    /** Puts {@code content} at {@code file} unless a file is there already; answers whether this call put it. */
    public static boolean create(Path file, byte[] content) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // a file system without POSIX permissions
            }
            Files.write(tmp, content);
            try {
                Files.createLink(file, tmp);
                return true;
            } catch (FileAlreadyExistsException another) {
                return false;
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
