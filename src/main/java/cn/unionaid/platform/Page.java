package cn.unionaid.platform;

import java.util.List;
import java.util.function.Function;

/** One page of a keyset-paged list and the key to ask for the next, null on the last page. */
public record Page<T>(List<T> items, String nextAfter) {

    /** Builds a page from a query that fetched {@code size + 1} rows to learn whether more follow. */
    public static <T> Page<T> of(List<T> fetched, int size, Function<T, String> keyOf) {
        if (fetched.size() > size) {
            List<T> items = List.copyOf(fetched.subList(0, size));
            return new Page<>(items, keyOf.apply(items.get(size - 1)));
        }
        return new Page<>(List.copyOf(fetched), null);
    }
}
