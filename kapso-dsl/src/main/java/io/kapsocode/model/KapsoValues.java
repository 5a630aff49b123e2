package io.kapsocode.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The shapes in which Kapso returns values it stores as numbers and booleans: numbers as strings
 * ({@code "temperature": "0.2"}, the column's text form) and booleans as {@code true}, {@code "true"} or
 * {@code "t"} (PostgreSQL's text form). They mean the same as the plain value, so they are read as it.
 */
public final class KapsoValues {

    private static final Pattern DECIMAL = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]+)?");
    private static final Pattern WHOLE = Pattern.compile("-?(0|[1-9][0-9]{0,9})(\\.0+)?");

    private KapsoValues() {}

    /** A number, or a string that is one ({@code "0.2"}); empty for anything else. */
    public static Optional<Double> number(JsonNode value) {
        if (value.isNumber()) {
            return Optional.of(value.doubleValue());
        }
        if (value.isTextual() && DECIMAL.matcher(value.textValue().strip()).matches()) {
            return Optional.of(Double.parseDouble(value.textValue().strip()));
        }
        return Optional.empty();
    }

    /** A whole number, or a string that is one ({@code "300"}, {@code "300.0"}); empty for anything else. */
    public static Optional<Integer> wholeNumber(JsonNode value) {
        if (value.isIntegralNumber() && value.canConvertToInt()) {
            return Optional.of(value.intValue());
        }
        if (value.isFloatingPointNumber() && value.doubleValue() == Math.rint(value.doubleValue())) {
            return value.canConvertToInt() ? Optional.of(value.intValue()) : Optional.empty();
        }
        if (value.isTextual() && WHOLE.matcher(value.textValue().strip()).matches()) {
            BigDecimal parsed = new BigDecimal(value.textValue().strip());
            return parsed.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0
                            && parsed.compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) >= 0
                    ? Optional.of(parsed.intValue())
                    : Optional.empty();
        }
        return Optional.empty();
    }

    /** {@code true}/{@code false}, or one of their text spellings ({@code "true"}, {@code "t"}, {@code "f"}...). */
    public static Optional<Boolean> bool(JsonNode value) {
        if (value.isBoolean()) {
            return Optional.of(value.booleanValue());
        }
        if (value.isTextual()) {
            return switch (value.textValue().strip().toLowerCase(Locale.ROOT)) {
                case "true", "t" -> Optional.of(true);
                case "false", "f" -> Optional.of(false);
                default -> Optional.empty();
            };
        }
        return Optional.empty();
    }

    /**
     * A {@code set_variable} value in the form its type stores: a boolean spelling becomes a boolean and a
     * numeric string a number; anything else (a template such as {@code {{vars.x}}}) stays as written.
     */
    public static JsonNode typed(JsonNode value, String valueType) {
        if (value == null || !value.isTextual()) {
            return value;
        }
        if ("boolean".equals(valueType)) {
            return bool(value)
                    .<JsonNode>map(JsonNodeFactory.instance::booleanNode)
                    .orElse(value);
        }
        if ("number".equals(valueType)) {
            return number(value)
                    .<JsonNode>map(n -> n == Math.rint(n) && Math.abs(n) < 1e15
                            ? JsonNodeFactory.instance.numberNode((long) n.doubleValue())
                            : JsonNodeFactory.instance.numberNode(n))
                    .orElse(value);
        }
        return value;
    }
}
