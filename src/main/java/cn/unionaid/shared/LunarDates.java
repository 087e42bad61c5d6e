package cn.unionaid.shared;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * Dates of the Chinese calendar that programs use as reference dates: 春节 (正月初一) and 除夕. They come from a table
 * of the official calendar (GB/T 33661-2017) for 1950-2100 ({@code calendar/spring-festivals.csv}), not from an
 * astronomical computation: ICU's ChineseCalendar disagrees with the official calendar in some years (2027, 2030).
 */
public final class LunarDates {

    public static final int FIRST_YEAR = 1950;
    public static final int LAST_YEAR = 2100;

    private static final Map<Integer, LocalDate> SPRING_FESTIVALS = load();

    private LunarDates() {
    }

    /** 春节, the first day of the first lunar month, of the Gregorian year (1950-2100). */
    public static LocalDate springFestival(int year) {
        LocalDate date = SPRING_FESTIVALS.get(year);
        if (date == null) {
            throw new InvalidValueException("lunar.yearOutOfRange", year, FIRST_YEAR, LAST_YEAR);
        }
        return date;
    }

    /** 除夕, the day before 春节. */
    public static LocalDate newYearsEve(int year) {
        return springFestival(year).minusDays(1);
    }

    private static Map<Integer, LocalDate> load() {
        Map<Integer, LocalDate> dates = new HashMap<>();
        try (InputStream in = LunarDates.class.getResourceAsStream("/calendar/spring-festivals.csv");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("year")) {
                    continue;
                }
                String[] cells = line.split(",");
                dates.put(Integer.parseInt(cells[0].strip()), LocalDate.parse(cells[1].strip()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(dates);
    }
}
