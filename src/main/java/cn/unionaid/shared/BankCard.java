package cn.unionaid.shared;

/** A bank card or account number for a real-name transfer: digits only, 12 to 19 of them. */
public record BankCard(String value) {

    public BankCard {
        if (value == null || value.isEmpty()) {
            throw new InvalidValueException("bankCard.blank");
        }
        if (!value.matches("\\d{12,19}")) {
            throw new InvalidValueException("bankCard.format");
        }
    }

    /** Accepts the spaces and dashes people copy from a passbook. */
    public static BankCard parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidValueException("bankCard.blank");
        }
        return new BankCard(text.replaceAll("[\\s-]", ""));
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
