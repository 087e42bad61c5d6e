package cn.unionaid.shared;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;

/**
 * A resident identity number (公民身份号码, GB 11643-1999): 6-digit region, 8-digit birth date, 3-digit
 * sequence whose parity is the sex, and an ISO 7064 MOD 11-2 check character.
 */
public record IdNumber(String value) {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    public enum Sex { MALE, FEMALE }

    private static final java.util.regex.Pattern FORMAT = java.util.regex.Pattern.compile("\\d{17}[0-9X]");

    public IdNumber {
        if (value == null) {
            throw new InvalidValueException("idNumber.blank");
        }
        if (!FORMAT.matcher(value).matches()) {
            throw new InvalidValueException("idNumber.format");
        }
        if (checkCharacter(value.substring(0, 17)) != value.charAt(17)) {
            throw new InvalidValueException("idNumber.checkDigit");
        }
        try {
            LocalDate birth = LocalDate.of(Integer.parseInt(value.substring(6, 10)),
                    Integer.parseInt(value.substring(10, 12)), Integer.parseInt(value.substring(12, 14)));
            if (birth.getYear() < 1880 || birth.isAfter(LocalDate.now())) {
                throw new InvalidValueException("idNumber.birthDate");
            }
        } catch (DateTimeException e) {
            throw new InvalidValueException("idNumber.birthDate");
        }
    }

    /** Accepts what people type: surrounding blanks, a lower-case x, full-width digits are not accepted. */
    public static IdNumber parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidValueException("idNumber.blank");
        }
        return new IdNumber(text.strip().toUpperCase(Locale.ROOT));
    }

    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    public LocalDate birthDate() {
        return LocalDate.of(Integer.parseInt(value.substring(6, 10)), Integer.parseInt(value.substring(10, 12)),
                Integer.parseInt(value.substring(12, 14)));
    }

    public Sex sex() {
        return (value.charAt(16) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE;
    }

    public String regionPrefix() {
        return value.substring(0, 6);
    }

    /** 430902********1234: region and last four only, the way every list shows it. */
    public String masked() {
        return value.substring(0, 6) + "********" + value.substring(14);
    }

    @Override
    public String toString() {
        return masked();
    }
}
