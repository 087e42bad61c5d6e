package cn.unionaid.shared;

/** A bank card or account number for a real-name transfer: digits only, 12 to 19 of them. */
public record BankCard(String value) {

    private static final java.util.regex.Pattern DIGITS = java.util.regex.Pattern.compile("\\d{12,19}");
    private static final java.util.regex.Pattern SEPARATORS = java.util.regex.Pattern.compile("[\\s-]");

    public BankCard {
        if (value == null || value.isEmpty()) {
            throw new InvalidValueException("bankCard.blank");
        }
        if (!DIGITS.matcher(value).matches()) {
            throw new InvalidValueException("bankCard.format");
        }
    }

    /** Accepts the spaces and dashes people copy from a passbook. */
    public static BankCard parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidValueException("bankCard.blank");
        }
        return new BankCard(SEPARATORS.matcher(text).replaceAll(""));
    }

    /** 6217 **** **** 5678. */
    public String masked() {
        return value.substring(0, 4) + " **** **** " + value.substring(value.length() - 4);
    }

    @Override
    public String toString() {
        return masked();
    }
}
