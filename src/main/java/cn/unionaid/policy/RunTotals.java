package cn.unionaid.policy;

import java.util.List;

/**
 * A run's totals by region and by honour or hardship category, and the people it did not pay by cause (未纳入原因:
 * not on file with the date that decided it, income not below the line, over the coverage limit…).
 */
public record RunTotals(List<Line> byRegion, List<Line> byGroup, List<Line> byExclusion) {

    public record Line(String code, String name, long people, long amountFen, String amountYuan) {
    }
}
