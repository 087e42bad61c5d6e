package cn.unionaid.shared;

import java.util.Arrays;
import java.util.stream.Collectors;

/** An enumeration whose values have the Chinese label the sheets and pages use (e.g. 离退休). */
public interface Labelled {

    String label();

    /** The constant whose label is {@code text}, or an {@link InvalidValueException} listing the allowed labels. */
    static <E extends Enum<E> & Labelled> E parse(Class<E> type, String text) {
        String t = text == null ? "" : text.strip();
        for (E e : type.getEnumConstants()) {
            if (e.label().equals(t)) {
                return e;
            }
        }
        throw new InvalidValueException("value.notOneOf",
                Arrays.stream(type.getEnumConstants()).map(Labelled::label).collect(Collectors.joining("、")));
    }
}
