package cn.unionaid.shared;

import java.time.LocalDate;

import com.ibm.icu.util.ChineseCalendar;

/** Dates of the Chinese calendar that programs use as reference dates: 春节 (正月初一) and 除夕. */
public final class LunarDates {

    private LunarDates() {
    }

    /** 春节, the first day of the first lunar month, of the Gregorian year. */
    public static LocalDate springFestival(int year) {
        // 1 March always lies in the lunar year that began at this Gregorian year's 春节 (between 21 Jan and 20 Feb).
        com.ibm.icu.util.GregorianCalendar march = new com.ibm.icu.util.GregorianCalendar(year, 2, 1);
        ChineseCalendar chinese = new ChineseCalendar(march.getTime());
        chinese.set(ChineseCalendar.MONTH, 0);
        chinese.set(ChineseCalendar.IS_LEAP_MONTH, 0);
        chinese.set(ChineseCalendar.DAY_OF_MONTH, 1);
        com.ibm.icu.util.GregorianCalendar g = new com.ibm.icu.util.GregorianCalendar();
        g.setTime(chinese.getTime());
        return LocalDate.of(g.get(com.ibm.icu.util.Calendar.YEAR), g.get(com.ibm.icu.util.Calendar.MONTH) + 1,
                g.get(com.ibm.icu.util.Calendar.DAY_OF_MONTH));
    }

    /** 除夕, the day before 春节. */
    public static LocalDate newYearsEve(int year) {
        return springFestival(year).minusDays(1);
    }
}
