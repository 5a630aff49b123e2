package io.kapsocode.simulator;

import java.util.function.Predicate;
import java.util.regex.Pattern;

/** What a sent message must read: exactly, containing, or matching. */
public final class Text implements Predicate<String> {

    private final Predicate<String> test;
    private final String description;

    private Text(Predicate<String> test, String description) {
        this.test = test;
        this.description = description;
    }

    public static Text is(String expected) {
        return new Text(expected::equals, "\"" + expected + "\"");
    }

    public static Text contains(String part) {
        return new Text(s -> s.contains(part), "a text containing \"" + part + "\"");
    }

    public static Text matches(String regex) {
        Pattern pattern = Pattern.compile(regex);
        return new Text(s -> pattern.matcher(s).matches(), "a text matching /" + regex + "/");
    }

    @Override
    public boolean test(String text) {
        return test.test(text);
    }

    @Override
    public String toString() {
        return description;
    }
}
