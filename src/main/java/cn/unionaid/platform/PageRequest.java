package cn.unionaid.platform;

/**
 * Keyset paging: the rows after {@code after} (a sort key of the last row seen), at most {@code size},
 * filtered by {@code search}. Never OFFSET.
 */
public record PageRequest(String search, String after, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 200;

    public PageRequest {
        search = search == null || search.isBlank() ? null : search.strip();
        after = after == null || after.isBlank() ? null : after;
        size = size <= 0 ? DEFAULT_SIZE : Math.min(size, MAX_SIZE);
    }

    public static PageRequest of(String search, String after, Integer size) {
        return new PageRequest(search, after, size == null ? DEFAULT_SIZE : size);
    }

    /** The search text as a LIKE pattern with its wildcards escaped, or {@code %} for none. */
    public String likePattern() {
        if (search == null) {
            return "%";
        }
        return "%" + search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
