package cn.unionaid.shared;

/**
 * A GB/T 2260 administrative division code in its six-digit form: 430000 a province, 430900 a city,
 * 430903 a county.
 */
public record RegionCode(String value) {

    public enum Level { PROVINCE, CITY, COUNTY }

    private static final java.util.regex.Pattern FORMAT = java.util.regex.Pattern.compile("[1-9]\\d{5}");

    public RegionCode {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new InvalidValueException("regionCode.format", value);
        }
        if (value.endsWith("0000") && !value.equals(value.substring(0, 2) + "0000")) {
            throw new InvalidValueException("regionCode.format", value);
        }
    }

    /** Pads the short forms the GB/T 2260 lists use for provinces (43) and cities (4309). */
    public static RegionCode of(String text) {
        if (text == null) {
            throw new InvalidValueException("regionCode.format", (Object) null);
        }
        String t = text.strip();
        if (t.length() == 2 || t.length() == 4) {
            t = (t + "0000").substring(0, 6);
        }
        return new RegionCode(t);
    }

    public Level level() {
        if (value.endsWith("0000")) {
            return Level.PROVINCE;
        }
        return value.endsWith("00") ? Level.CITY : Level.COUNTY;
    }

    /** The enclosing division: county → city → province; a province has none. */
    public java.util.Optional<RegionCode> parent() {
        return switch (level()) {
            case COUNTY -> java.util.Optional.of(new RegionCode(value.substring(0, 4) + "00"));
            case CITY -> java.util.Optional.of(new RegionCode(value.substring(0, 2) + "0000"));
            case PROVINCE -> java.util.Optional.empty();
        };
    }

    public String provincePrefix() {
        return value.substring(0, 2);
    }

    @Override
    public String toString() {
        return value;
    }
}
