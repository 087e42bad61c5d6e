package cn.unionaid.platform.db;

import java.util.StringJoiner;

/**
 * The milliseconds each phase of a long piece of work took, for its log line: {@code stage 812 ms, match 95 ms, …}.
 * Where a bulk job spends its time is then in every log, not only under a profiler.
 */
public final class Phases {

    private final StringJoiner laps = new StringJoiner(", ");
    private long last = System.nanoTime();

    /** Ends the phase that ran since the previous call (or since this was made), naming it. */
    public void lap(String phase) {
        long now = System.nanoTime();
        laps.add(phase + " " + (now - last) / 1_000_000 + " ms");
        last = now;
    }

    @Override
    public String toString() {
        return laps.toString();
    }
}
