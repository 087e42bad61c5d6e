package cn.unionaid.controls;

import java.util.Map;

/** What one run of the checks found: hits per check, findings opened and closed. */
public record ControlRunResult(long runId, Map<ControlCheck, Integer> hits, int opened, int closed, boolean skipped) {
}
