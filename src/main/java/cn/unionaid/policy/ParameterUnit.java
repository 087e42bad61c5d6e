package cn.unionaid.policy;

import java.math.BigDecimal;

import cn.unionaid.shared.Labelled;
import cn.unionaid.shared.Money;

/** How a parameter's integer value is read. */
public enum ParameterUnit implements Labelled {
    /** An amount, held in fen. */
    YUAN("元"),
    /** Whole percent. */
    PERCENT("%"),
    /** A count: months, people. */
    COUNT("个"),
    /** A multiple, in thousandths: 1.5 倍 is 1500. */
    MULTIPLE("倍");

    private final String label;

    ParameterUnit(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** The value as people write it: 4800.00 元, 40%, 12个, 1.5倍. */
    public String format(long value) {
        return switch (this) {
            case YUAN -> Money.ofFen(value).toYuanString() + " 元";
            case PERCENT -> value + "%";
            case COUNT -> Long.toString(value);
            case MULTIPLE -> BigDecimal.valueOf(value, 3).stripTrailingZeros().toPlainString() + " 倍";
        };
    }

    /** Reads a value as people write it (元 with decimals, a multiple with decimals) into the stored integer. */
    public long parse(String text) {
        String t = text.strip();
        return switch (this) {
            case YUAN -> Money.parseYuan(t).fen();
            case PERCENT, COUNT -> Long.parseLong(t.replace("%", ""));
            case MULTIPLE -> new BigDecimal(t.replace("倍", "").strip()).movePointRight(3).longValueExact();
        };
    }
}
