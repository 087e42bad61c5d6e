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

    /**
     * In capitals as a Chinese finance document writes an amount (大写): 30000.00 → 叁万元整, 1004.50 → 壹仟零肆元伍角,
     * 100010001.05 → 壹亿零壹万零壹元零伍分, 0 → 零元整.
     */
    public String toChineseCapitals() {
        long abs = Math.abs(fen);
        long yuan = abs / 100;
        int jiao = (int) (abs / 10 % 10);
        int cent = (int) (abs % 10);
        StringBuilder sb = new StringBuilder(fen < 0 ? "负" : "");
        if (yuan > 0) {
            sb.append(integerInCapitals(yuan)).append('元');
        }
        if (jiao == 0 && cent == 0) {
            return sb.append(yuan == 0 ? "零元整" : "整").toString();
        }
        if (jiao > 0) {
            sb.append(DIGITS.charAt(jiao)).append('角');
        } else if (yuan > 0) {
            sb.append('零');
        }
        if (cent > 0) {
            sb.append(DIGITS.charAt(cent)).append('分');
        }
        return sb.toString();
    }

    private static final String DIGITS = "零壹贰叁肆伍陆柒捌玖";
    private static final String[] PLACES = {"", "拾", "佰", "仟"};
    private static final String[] GROUPS = {"", "万", "亿", "万亿"};

    private static String integerInCapitals(long n) {
        int[] groups = new int[GROUPS.length];
        for (int g = 0; n > 0; g++) {
            groups[g] = (int) (n % 10_000);
            n /= 10_000;
        }
        StringBuilder out = new StringBuilder();
        boolean gap = false;
        for (int g = groups.length - 1; g >= 0; g--) {
            if (groups[g] == 0) {
                gap |= out.length() > 0;
                continue;
            }
            if (out.length() > 0 && (gap || groups[g] < 1000)) {
                out.append('零');
            }
            out.append(fourDigits(groups[g])).append(GROUPS[g]);
            gap = false;
        }
        return out.toString();
    }

    private static String fourDigits(int v) {
        StringBuilder out = new StringBuilder();
        boolean zero = false;
        for (int place = 3; place >= 0; place--) {
            int d = v / (int) Math.pow(10, place) % 10;
            if (d == 0) {
                zero = out.length() > 0;
            } else {
                if (zero) {
                    out.append('零');
                    zero = false;
                }
                out.append(DIGITS.charAt(d)).append(PLACES[place]);
            }
        }
        return out.toString();
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
