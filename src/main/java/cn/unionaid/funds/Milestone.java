package cn.unionaid.funds;

import java.time.LocalDate;

/** Execution on a milestone date (年末, 元旦, 春节) against its target. */
public record Milestone(String name, LocalDate date, int targetPercent, long spentFen, long budgetFen, String rate,
        boolean met) {
}
