package cn.unionaid.registry;

/** All or nothing (the default): one bad row refuses the file. Valid only: the good rows go in. */
public enum ImportMode {
    ALL_OR_NOTHING,
    VALID_ONLY;

    /** Reads the API's {@code all-or-nothing} / {@code valid-only}. */
    public static ImportMode of(String text) {
        if (text == null || text.isBlank() || text.equals("all-or-nothing")) {
            return ALL_OR_NOTHING;
        }
        if (text.equals("valid-only")) {
            return VALID_ONLY;
        }
        throw new IllegalArgumentException("mode must be all-or-nothing or valid-only");
    }
}
