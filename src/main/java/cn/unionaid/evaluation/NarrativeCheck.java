package cn.unionaid.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds in a report's narrative the years and dates that belong to another year than the report's (seed 003
 * wrote 2023 figures and "截止2023年5月17日" into its 2024 report). The previous year may be named as a comparison,
 * so only a year other than the report's and the one before it is flagged, and any full date outside the report year.
 */
public final class NarrativeCheck {

    private static final Pattern DATE = Pattern.compile("(\\d{4})\\s*[年\\-/.]\\s*\\d{1,2}\\s*[月\\-/.]\\s*\\d{1,2}\\s*日?");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})\\s*年(度)?");

    private NarrativeCheck() {
    }

    public static List<String> otherYears(String text, int year) {
        List<String> flags = new ArrayList<>();
        if (text == null) {
            return flags;
        }
        Matcher d = DATE.matcher(text);
        while (d.find()) {
            int y = Integer.parseInt(d.group(1));
            if (y != year && y != year + 1) {
                flags.add(d.group());
            }
        }
        String withoutDates = DATE.matcher(text).replaceAll(" ");
        Matcher m = YEAR.matcher(withoutDates);
        while (m.find()) {
            int y = Integer.parseInt(m.group(1));
            if (y != year && y != year - 1 && y >= 1990 && y <= 2100) {
                flags.add(m.group());
            }
        }
        return flags;
    }
}
