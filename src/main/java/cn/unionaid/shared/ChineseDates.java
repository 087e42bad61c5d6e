package cn.unionaid.shared;

import java.time.LocalDate;

/** Dates as a Chinese document writes them: 2024年12月31日 (no leading zeros), in reports, notices and minutes. */
public final class ChineseDates {

    private ChineseDates() {
    }

    public static String format(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }
}
