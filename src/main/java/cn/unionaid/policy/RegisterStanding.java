package cn.unionaid.policy;

import java.time.LocalDate;

/**
 * Where an archive stood in the register on a run's reference date, from its dated events: when it was opened
 * (建档日期; null when never), and the first event on or before the date that took it off the register (its kind,
 * e.g. DECEASED, and date; null when none). It lets a run say exactly why someone is not in the register.
 */
public record RegisterStanding(LocalDate openedOn, String leftKind, LocalDate leftOn) {

    /** In the register on {@code date}: opened on or before it, and not taken off by then. */
    public boolean onFile(LocalDate date) {
        return openedOn != null && !openedOn.isAfter(date) && leftKind == null;
    }
}
