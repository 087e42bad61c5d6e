package cn.unionaid.shared;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.ibm.icu.util.ChineseCalendar;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * 春节 by the official calendar (GB/T 33661-2017) for 1950-2100: the dates the State Council's holiday notices
 * published (2000-2030), the shape every lunar year must have over the whole range, and where the table and ICU's
 * astronomical calendar part ways.
 */
class LunarDatesTest {

    /** 春节 as published in the State Council's annual holiday notices (国务院办公厅关于部分节假日安排的通知) and almanacs. */
    private static final Map<Integer, String> PUBLISHED = Map.ofEntries(Map.entry(1950, "1950-02-17"),
            Map.entry(1954, "1954-02-03"), Map.entry(1976, "1976-01-31"), Map.entry(1985, "1985-02-20"),
            Map.entry(2000, "2000-02-05"), Map.entry(2001, "2001-01-24"), Map.entry(2002, "2002-02-12"),
            Map.entry(2003, "2003-02-01"), Map.entry(2004, "2004-01-22"), Map.entry(2005, "2005-02-09"),
            Map.entry(2006, "2006-01-29"), Map.entry(2007, "2007-02-18"), Map.entry(2008, "2008-02-07"),
            Map.entry(2009, "2009-01-26"), Map.entry(2010, "2010-02-14"), Map.entry(2011, "2011-02-03"),
            Map.entry(2012, "2012-01-23"), Map.entry(2013, "2013-02-10"), Map.entry(2014, "2014-01-31"),
            Map.entry(2015, "2015-02-19"), Map.entry(2016, "2016-02-08"), Map.entry(2017, "2017-01-28"),
            Map.entry(2018, "2018-02-16"), Map.entry(2019, "2019-02-05"), Map.entry(2020, "2020-01-25"),
            Map.entry(2021, "2021-02-12"), Map.entry(2022, "2022-02-01"), Map.entry(2023, "2023-01-22"),
            Map.entry(2024, "2024-02-10"), Map.entry(2025, "2025-01-29"), Map.entry(2026, "2026-02-17"),
            Map.entry(2027, "2027-02-06"), Map.entry(2028, "2028-01-26"), Map.entry(2029, "2029-02-13"),
            Map.entry(2030, "2030-02-03"));

    @Test
    void theTableGivesThePublishedDates() {
        new TreeMap<>(PUBLISHED).forEach((year, date) ->
                assertThat(LunarDates.springFestival(year)).as("春节 %d", year).isEqualTo(LocalDate.parse(date)));
        assertThat(LunarDates.newYearsEve(2026)).isEqualTo(LocalDate.of(2026, 2, 16));
        assertThat(LunarDates.newYearsEve(2027)).isEqualTo(LocalDate.of(2027, 2, 5));
    }

    @Test
    void everyYearOfTheRangeHasTheShapeOfALunarYear() {
        for (int year = LunarDates.FIRST_YEAR; year <= LunarDates.LAST_YEAR; year++) {
            LocalDate day = LunarDates.springFestival(year);
            assertThat(day).as("春节 %d lies between 21 January and 20 February", year)
                    .isBetween(LocalDate.of(year, 1, 21), LocalDate.of(year, 2, 20));
            if (year > LunarDates.FIRST_YEAR) {
                long length = ChronoUnit.DAYS.between(LunarDates.springFestival(year - 1), day);
                assertThat(length).as("the lunar year %d has 12 or 13 months", year - 1).isIn(353L, 354L, 355L, 383L, 384L, 385L);
            }
        }
        assertThatThrownBy(() -> LunarDates.springFestival(2101)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> LunarDates.springFestival(1949)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void theTablePartsWithIcusAstronomicalCalendarOnlyWhereTheOfficialCalendarDecidesOtherwise() {
        Set<Integer> differ = new java.util.TreeSet<>();
        for (int year = LunarDates.FIRST_YEAR; year <= LunarDates.LAST_YEAR; year++) {
            if (!icu(year).equals(LunarDates.springFestival(year))) {
                differ.add(year);
            }
        }
        assertThat(differ).containsExactly(1954, 2027, 2030);
    }

    private static LocalDate icu(int year) {
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
}
