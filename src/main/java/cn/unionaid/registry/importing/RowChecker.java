package cn.unionaid.registry.importing;

import cn.unionaid.platform.sheets.SheetHeader;
import cn.unionaid.platform.sheets.SheetRow;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import cn.unionaid.platform.BusinessRuleException;
import cn.unionaid.platform.Messages;
import cn.unionaid.registry.ImportError;
import cn.unionaid.shared.InvalidValueException;

/**
 * Reads the cells of one row by header name and collects every refusal, with the row, the column, the value
 * and the reason in Chinese, instead of stopping at the first.
 */
public final class RowChecker {

    private final SheetHeader header;
    private final SheetRow row;
    private final Messages messages;
    private final List<ImportError> errors = new ArrayList<>();
    private static final java.util.regex.Pattern SCIENTIFIC = java.util.regex.Pattern.compile("\\d(\\.\\d+)?[Ee]\\+?\\d+");

    public RowChecker(SheetHeader header, SheetRow row, Messages messages) {
        this.header = header;
        this.row = row;
        this.messages = messages;
    }

    public String text(String column) {
        return row.cell(header.index(column));
    }

    /** A cell that must be filled, parsed; null (and an error) when it is blank or wrong. */
    public <T> T required(String column, Function<String, T> parser) {
        String value = text(column);
        if (value.isEmpty()) {
            errors.add(new ImportError(row.number(), column, value, messages.get("import.error.required")));
            return null;
        }
        return parse(column, value, parser);
    }

    /** A cell that may be blank (null), else parsed. */
    public <T> T optional(String column, Function<String, T> parser) {
        String value = text(column);
        return value.isEmpty() ? null : parse(column, value, parser);
    }

    private <T> T parse(String column, String value, Function<String, T> parser) {
        // (a cell without an E cannot be one: most cells are answered without a matcher, 20 million of them in a province)
        if ((value.indexOf('E') >= 0 || value.indexOf('e') >= 0) && SCIENTIFIC.matcher(value).matches()) {
            // Excel stores a long number typed into a General cell as 6.22848E+18: its last digits are gone.
            errors.add(new ImportError(row.number(), column, value, messages.get("import.error.scientific", value)));
            return null;
        }
        try {
            return parser.apply(value);
        } catch (InvalidValueException | BusinessRuleException e) {
            errors.add(new ImportError(row.number(), column, kept(column, value), messages.of(e)));
            return null;
        }
    }

    public void reject(String column, String messageKey, Object... args) {
        errors.add(new ImportError(row.number(), column, column == null ? "" : kept(column, text(column)),
                messages.get(messageKey, args)));
    }

    /** Columns whose refused values (the household sheet uses the same headers) are kept only masked in the import's result, never in clear. */
    public static final java.util.Set<String> SENSITIVE = java.util.Set.of(ModelWorkerSheet.ID_NUMBER, ModelWorkerSheet.CARD,
            ModelWorkerSheet.PHONE);

    /** The value as an import result keeps it: masked for an ID number, card or phone. */
    static String kept(String column, String value) {
        return SENSITIVE.contains(column) ? mask(value) : value;
    }

    /** Keeps the first three and last four characters of a long value, stars the rest. */
    public static String mask(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        int n = value.length();
        return n <= 7 ? "*".repeat(n) : value.substring(0, 3) + "*".repeat(n - 7) + value.substring(n - 4);
    }

    public boolean ok() {
        return errors.isEmpty();
    }

    public List<ImportError> errors() {
        return errors;
    }

    public int rowNumber() {
        return row.number();
    }
}
