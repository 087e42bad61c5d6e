package cn.unionaid.audit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.unionaid.audit.AuditLog;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Anchors of the audit chain (审计日志锚点): the head of the chain (id, hash, time) written, at start, daily
 * and on demand, to an append-only file outside the database, each line sealed with the chain key. A
 * database superuser who deletes the newest rows or rebuilds the table cannot move the anchors, so
 * verification names what went missing.
 *
 * <p>Line format: {@code <row id> <hash hex> <ISO instant> <HMAC-SM3 hex of the first three fields>}.
 */
@Component
public class AuditAnchors {

    /** An anchor: the chain's head row at a moment. */
    public record Anchor(long rowId, byte[] hash, Instant at) {
    }

    private static final String FILE = "audit-anchors.log";
    private static final String HEAD = "select id, hash from audit.audit_log order by id desc limit 1";

    private final Path file;
    private final AuditChainKey key;
    private final JdbcClient jdbc;
    private final AuditLog audit;

    AuditAnchors(@Value("${unionaid.audit.anchor-dir:./data/anchors}") Path dir, AuditChainKey key, JdbcClient jdbc,
            AuditLog audit) {
        this.file = dir.resolve(FILE);
        this.key = key;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void atStart() {
        anchorNow();
    }

    @Scheduled(cron = "${unionaid.audit.anchor-cron:0 5 0 * * *}")
    public void daily() {
        anchorNow();
    }

    /** Writes the head of the chain to the anchor file and records that it did; empty when the log is empty. */
    @Transactional
    public Optional<Anchor> anchorNow() {
        Optional<Anchor> head = jdbc.sql(HEAD)
                .query((rs, n) -> new Anchor(rs.getLong("id"), rs.getBytes("hash"), Instant.now()))
                .optional();
        head.ifPresent(a -> {
            append(a);
            audit.record("audit.anchored", "audit_log", a.rowId(),
                    Map.of("hash", HexFormat.of().formatHex(a.hash()), "file", file.toAbsolutePath().toString()));
        });
        return head;
    }

    private void append(Anchor anchor) {
        String body = anchor.rowId() + " " + HexFormat.of().formatHex(anchor.hash()) + " " + anchor.at();
        String line = body + " " + HexFormat.of().formatHex(key.mac(body)) + "\n";
        try {
            Files.createDirectories(file.getParent());
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
                    FileLock ignored = ch.lock()) {
                ch.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.US_ASCII)));
                ch.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the audit anchor to " + file.toAbsolutePath(), e);
        }
    }

    /** The anchors on file, oldest first; a line whose seal does not hold is reported as forged. */
    public Anchors read() {
        List<Anchor> anchors = new ArrayList<>();
        List<Integer> forged = new ArrayList<>();
        if (!Files.exists(file)) {
            return new Anchors(anchors, forged);
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
            for (int i = 0; i < lines.size(); i++) {
                String[] f = lines.get(i).strip().split(" ");
                if (f.length != 4) {
                    if (!lines.get(i).isBlank()) {
                        forged.add(i + 1);
                    }
                    continue;
                }
                String body = f[0] + " " + f[1] + " " + f[2];
                if (!HexFormat.of().formatHex(key.mac(body)).equals(f[3])) {
                    forged.add(i + 1);
                    continue;
                }
                anchors.add(new Anchor(Long.parseLong(f[0]), HexFormat.of().parseHex(f[1]), Instant.parse(f[2])));
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Could not read the audit anchors in " + file.toAbsolutePath(), e);
        }
        return new Anchors(anchors, forged);
    }

    /** What the anchor file holds: the anchors whose seal holds, and the line numbers of those whose seal does not. */
    public record Anchors(List<Anchor> valid, List<Integer> forgedLines) {
    }
}
