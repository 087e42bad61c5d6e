package cn.unionaid.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An amount of renminbi held as whole fen (分). Never a double: every figure the reports print must add
 * up to the fen.
 */
public record Money(long fen) implements Comparable<Money> {

    public static final Money ZERO = new Money(0);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal TEN_THOUSAND_YUAN_IN_FEN = BigDecimal.valueOf(1_000_000);

    public static Money ofFen(long fen) {
        return new Money(fen);
    }

    public static Money ofYuan(long yuan) {
        return new Money(Math.multiplyExact(yuan, 100));
    }

    /**
     * Parses an amount in yuan as people write it: {@code 1000}, {@code 1,000.5}, {@code 4800.00}, {@code ￥12.34}. More than two
     * decimals is refused rather than rounded: a sheet that says 0.005 元 is wrong, not imprecise.
     */
    public static Money parseYuan(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidValueException("money.blank");
        }
        String cleaned = text.strip().replace(",", "").replace("，", "").replace("￥", "").replace("¥", "")
                .replace("元", "").strip();
        BigDecimal yuan;
        try {
            yuan = new BigDecimal(cleaned);
        } catch (NumberFormatException e) {
            throw new InvalidValueException("money.invalid", text);
        }
        if (yuan.scale() > 2 && yuan.stripTrailingZeros().scale() > 2) {
            throw new InvalidValueException("money.tooPrecise", text);
        }
        try {
            return new Money(yuan.multiply(HUNDRED).longValueExact());
        } catch (ArithmeticException e) {
            throw new InvalidValueException("money.invalid", text);
        }
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(fen, other.fen));
    }

    public Money minus(Money other) {
        return new Money(Math.subtractExact(fen, other.fen));
    }

    public Money times(long factor) {
        return new Money(Math.multiplyExact(fen, factor));
    }

    public boolean isNegative() {
        return fen < 0;
    }

    public boolean isGreaterThan(Money other) {
        return fen > other.fen;
    }

    public Money min(Money other) {
        return fen <= other.fen ? this : other;
    }

    public BigDecimal toYuan() {
        return BigDecimal.valueOf(fen, 2);
    }

    /** {@code 1234.50} — the form a sheet or a bank file wants. */
    public String toYuanString() {
        return toYuan().toPlainString();
    }

    /** In 万元 with the precision the reports use, trailing zeros dropped: 1039740 元 → {@code 103.974}. */
    public String toWanYuanString() {
        BigDecimal wan = BigDecimal.valueOf(fen).divide(TEN_THOUSAND_YUAN_IN_FEN, 6, RoundingMode.HALF_UP)
                .stripTrailingZeros();
        return wan.scale() < 0 ? wan.setScale(0).toPlainString() : wan.toPlainString();
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(fen, other.fen);
    }

    @Override
    public String toString() {
        return toYuanString() + " 元";
    }
}
