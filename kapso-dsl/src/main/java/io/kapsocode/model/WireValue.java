package io.kapsocode.model;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** An enum whose constants have a fixed spelling in Kapso's JSON, such as {@code read_with_typing}. */
public interface WireValue {

    /** The value exactly as Kapso's API writes it. */
    String wire();

    /** The constant of {@code type} spelt {@code wire}, if any. */
    static <E extends Enum<E> & WireValue> Optional<E> parse(Class<E> type, String wire) {
        return Arrays.stream(type.getEnumConstants())
                .filter(e -> e.wire().equals(wire))
                .findFirst();
    }

    /** Every spelling {@code type} accepts, in declaration order. */
    static List<String> spellings(Class<?> type) {
        return Arrays.stream(type.getEnumConstants())
                .map(e -> ((WireValue) e).wire())
                .toList();
    }
}
