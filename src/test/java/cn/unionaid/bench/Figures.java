package cn.unionaid.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The harness's table: each workload's time, rows per second, ratio to its PostgreSQL reference and peak heap,
 * printed as it is measured ({@code BENCH} lines) and written to {@code target/benchmarks.md} at the end.
 */
final class Figures {

    private final List<String> rows = new ArrayList<>();
    private long started;

    /** Collects garbage, resets the heap pools' peaks and starts the clock of a workload. */
    void start() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        started = System.nanoTime();
    }

    /** Milliseconds since {@link #start()}. */
    long elapsed() {
        return (System.nanoTime() - started) / 1_000_000;
    }

    /** The sum of the heap pools' peaks since {@link #start()}, in MB (an upper bound of the peak heap in use). */
    private static long peakHeapMb() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum() / (1024 * 1024);
    }

    /** Records a workload measured since {@link #start()} against a reference (0 when there is none). */
    void record(String workload, long rows, long millis, long referenceMillis, String note) {
        String ratio = referenceMillis > 0 ? "%.2f×".formatted(millis / (double) referenceMillis) : "–";
        String reference = referenceMillis > 0 ? "%,d ms".formatted(referenceMillis) : "–";
        String text = "| %s | %,d | %,d ms | %,d rows/s | %s | %s | %d MB | %s |".formatted(workload, rows, millis,
                millis == 0 ? 0 : rows * 1000 / millis, ratio, reference, peakHeapMb(), note);
        System.out.println("BENCH " + text);
        this.rows.add(text);
    }

    /** Records a line of its own (a latency distribution, a workload not measured and why). */
    void note(String text) {
        System.out.println("BENCH " + text);
        rows.add(text);
    }

    void write(Path file, String heading) throws IOException {
        StringBuilder md = new StringBuilder(heading).append("\n\n")
                .append("| workload | rows | time | throughput | ratio | PostgreSQL reference | peak heap | note |\n")
                .append("|---|---|---|---|---|---|---|---|\n");
        rows.forEach(r -> md.append(r).append('\n'));
        Files.createDirectories(file.getParent());
        Files.writeString(file, md.toString());
        System.out.println(md);
    }
}
