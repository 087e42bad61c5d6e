package cn.unionaid.controls;

import java.util.List;
import java.util.Map;

/** What one run of the checks found: hits per check, the time of each reading, findings opened and closed. */
public record ControlRunResult(long runId, Map<ControlCheck, Integer> hits, List<Reading> readings, int opened,
        int closed, boolean skipped) {

    /** Checks run together over one reading of the rows, and how long that took. */
    public record Reading(List<ControlCheck> checks, long millis) {
    }
}
