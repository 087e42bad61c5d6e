package cn.unionaid.platform.sheets;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Cells that a spreadsheet cannot take for a formula (OWASP CSV injection): text starting with = + - @, a tab or a
 * carriage return is written with a leading apostrophe. A plain number such as -12.50 is left as it is. Only what is
 * written out is changed; the stored value (a name in the register) never is. Every CSV and XLSX the system writes
 * goes through here: payment files, exports, error sheets, ledgers, evidence packs.
 */
public final class FormulaSafe {

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    private FormulaSafe() {
    }

    public static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        boolean risky = first == '=' || first == '+' || first == '@' || first == '\t' || first == '\r'
                || (first == '-' && !NUMBER.matcher(value).matches());
        return risky ? "'" + value : value;
    }

    /** One CSV line (without its line end): each cell made safe, then quoted where it holds a comma, quote or line break. */
    public static String csvLine(List<String> cells) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String v = cell(cells.get(i) == null ? "" : cells.get(i));
            if (i > 0) {
                sb.append(',');
            }
            sb.append(v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")
                    ? "\"" + v.replace("\"", "\"\"") + "\"" : v);
        }
        return sb.toString();
    }
}
