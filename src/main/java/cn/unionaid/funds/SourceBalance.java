package cn.unionaid.funds;

import cn.unionaid.shared.FundSource;

/**
 * One fund source's position on a date, in fen: budget (after approved reallocations), money received, reserved by
 * approved batches, spent (payments less returns), and what is still available to approve.
 */
public record SourceBalance(FundSource source, long budgetFen, long receivedFen, long reservedFen, long spentFen,
        long availableFen) {

    @com.fasterxml.jackson.annotation.JsonProperty("executionOfBudget")
    public String executionOfBudget() {
        return percent(spentFen, budgetFen);
    }

    @com.fasterxml.jackson.annotation.JsonProperty("executionOfReceived")
    public String executionOfReceived() {
        return percent(spentFen, receivedFen);
    }

    /** The figures in yuan for pages: budget, received, reserved, spent, available. */
    public java.util.List<String> yuan() {
        return java.util.stream.LongStream.of(budgetFen, receivedFen, reservedFen, spentFen, availableFen)
                .mapToObj(f -> cn.unionaid.shared.Money.ofFen(f).toYuanString()).toList();
    }

    static String percent(long part, long whole) {
        if (whole == 0) {
            return "-";
        }
        return java.math.BigDecimal.valueOf(part * 100).divide(java.math.BigDecimal.valueOf(whole), 1,
                java.math.RoundingMode.HALF_UP).toPlainString() + "%";
    }
}
