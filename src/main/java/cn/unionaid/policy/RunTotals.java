package cn.unionaid.policy;

import java.util.List;

/** A run's totals by region and by honour or hardship category. */
public record RunTotals(List<Line> byRegion, List<Line> byGroup) {

    public record Line(String code, String name, long people, long amountFen, String amountYuan) {
    }
}
