package cn.unionaid.platform.sheets;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.unionaid.shared.InvalidValueException;
import cn.unionaid.shared.Money;

/** The date, month and yes/no forms Chinese rosters use. */
public final class Cells {

    private static final Pattern DATE = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");
    private static final Pattern COMPACT_DATE = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*月?");
    private static final Pattern COMPACT_MONTH = Pattern.compile("(\\d{4})(\\d{2})");
    private static final Pattern EXCEL_SERIAL = Pattern.compile("\\d{5}(\\.0+)?");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern PHONE = Pattern.compile("\\+?\\d{7,15}");

    private Cells() {
    }

    /** 2023-09-01, 2023/9/1, 2023.9.1, 2023年9月1日, 20230901, or an Excel date serial (45170). */
    public static LocalDate date(String text) {
        String t = text.strip();
        try {
            Matcher m = DATE.matcher(t);
            if (m.matches()) {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            }
            m = COMPACT_DATE.matcher(t);
            if (m.matches()) {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            }
            if (EXCEL_SERIAL.matcher(t).matches()) {
                return LocalDate.of(1899, 12, 30).plusDays((long) Double.parseDouble(t));
            }
        } catch (DateTimeException e) {
            throw new InvalidValueException("import.error.date");
        }
        throw new InvalidValueException("import.error.date");
    }

    /** 2023-09, 2023/09, 2023年9月, 202309, or a full date (its month). */
    public static YearMonth month(String text) {
        String t = text.strip();
        try {
            Matcher m = MONTH.matcher(t);
            if (m.matches()) {
                return YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            }
            m = COMPACT_MONTH.matcher(t);
            if (m.matches()) {
                return YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            }
        } catch (DateTimeException e) {
            throw new InvalidValueException("import.error.month");
        }
        try {
            return YearMonth.from(date(t));
        } catch (InvalidValueException e) {
            throw new InvalidValueException("import.error.month");
        }
    }

    public static boolean yesNo(String text) {
        return switch (text.strip()) {
            case "是" -> true;
            case "否" -> false;
            default -> throw new InvalidValueException("import.error.yesNo");
        };
    }

    /** 保持 / 撤销. */
    public static boolean honourKept(String text) {
        return switch (text.strip()) {
            case "保持", "在册" -> true;
            case "撤销" -> false;
            default -> throw new InvalidValueException("import.error.honourState");
        };
    }

    public static int year(String text) {
        String t = text.strip().replace("年", "");
        if (!YEAR.matcher(t).matches()) {
            throw new InvalidValueException("import.error.year");
        }
        int y = Integer.parseInt(t);
        if (y < 1949 || y > LocalDate.now().getYear()) {
            throw new InvalidValueException("import.error.year");
        }
        return y;
    }

    /** A phone number: digits with an optional leading + and the dashes people write. */
    public static String phone(String text) {
        String t = text.strip().replace("-", "").replace(" ", "");
        if (!PHONE.matcher(t).matches()) {
            throw new InvalidValueException("import.error.phone");
        }
        return t;
    }

    /** Free text of at most {@code max} characters, trimmed. */
    public static String text(String text, int max) {
        String t = text.strip();
        if (t.length() > max) {
            throw new InvalidValueException("import.error.tooLong", max);
        }
        return t;
    }

    /** A person's name as written (at most 50 characters). */
    public static String personName(String text) {
        return text(text, 50);
    }

    /** An amount in yuan that may be zero but not negative. */
    public static Money nonNegativeYuan(String text) {
        Money m = Money.parseYuan(text);
        if (m.isNegative()) {
            throw new InvalidValueException("import.error.negative");
        }
        return m;
    }
}
