package cn.unionaid.controls;

import java.util.Map;

/** What one run of the checks found: hits and time per check, findings opened and closed. */
public record ControlRunResult(long runId, Map<ControlCheck, Integer> hits, Map<ControlCheck, Long> millis, int opened,
        int closed, boolean skipped) {
}
