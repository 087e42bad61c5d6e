package cn.unionaid.audit.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Instances starting together on one key directory generate the audit chain's key once and all read that one: none
 * reads a half-written file (it refused to start, seen in CI) and none puts a key of its own there.
 */
class AuditChainKeyTests {

    @Test
    void instancesStartingTogetherShareOneKey(@TempDir Path root) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 25; round++) {
                Path dir = root.resolve("keys-" + round);
                List<Callable<String>> starts = IntStream.range(0, 8).<Callable<String>>mapToObj(i ->
                        () -> HexFormat.of().formatHex(new AuditChainKey("", dir).mac("锚点"))).toList();
                List<String> macs = pool.invokeAll(starts).stream().map(AuditChainKeyTests::get).toList();
                assertThat(macs).as("round %d", round).hasSize(8).containsOnly(macs.get(0));
                try (var files = Files.list(dir)) {
                    assertThat(files.map(f -> f.getFileName().toString()).toList()).containsExactly(AuditChainKey.FILE);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String get(Future<String> f) {
        try {
            return f.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
