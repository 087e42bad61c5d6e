package cn.unionaid.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A run's manifest and totals. A what-if run used proposed standards and can never be paid. */
public record RunView(long id, long programId, String programName, int year, String kind, LocalDate referenceDate,
        int ruleVersion, String status, String error, int population, int eligible, int capped, int cut,
        String totalYuan, String totalWanYuan, List<ResolvedParameter> parameters, String tieBreak, String startedBy,
        Instant startedAt) {

    public boolean whatIf() {
        return "WHAT_IF".equals(kind);
    }
}
