package io.kapsocode.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Kapso's canonical JSON text, as its own tooling writes {@code definition.json}: object keys sorted at
 * every level, array order kept, two-space indent, {@code "key": value}, one array element per line,
 * whole numbers without a fraction, and a trailing newline. Same tree, same bytes.
 */
public final class CanonicalJson {

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final DefaultPrettyPrinter PRINTER;

    static {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                        .withObjectEmptySeparator("")
                        .withArrayEmptySeparator(""))
                .withObjectIndenter(indenter)
                .withArrayIndenter(indenter);
        PRINTER = printer;
    }

    private CanonicalJson() {}

    /** A deep copy with object keys sorted and whole floating-point numbers turned into integers. */
    public static JsonNode canonicalize(JsonNode node) {
        if (node == null) {
            return JsonNodeFactory.instance.nullNode();
        }
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            names.sort(null);
            ObjectNode sorted = JsonNodeFactory.instance.objectNode();
            for (String name : names) {
                sorted.set(name, canonicalize(node.get(name)));
            }
            return sorted;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> copy.add(canonicalize(element)));
            return copy;
        }
        if (node.isNumber()) {
            return number(node);
        }
        return node.deepCopy();
    }

    /**
     * One representation per number, so that equal numbers are equal nodes: integers as int, long or
     * big integer by size (a whole {@code 240.0} becomes {@code 240}, as JavaScript prints it), other
     * values as double.
     */
    public static JsonNode number(JsonNode node) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (node.isFloatingPointNumber()) {
            BigDecimal value = node.decimalValue();
            if (value.signum() != 0 && value.stripTrailingZeros().scale() > 0) {
                return nodes.numberNode(node.doubleValue());
            }
            BigInteger whole = value.toBigInteger();
            return whole.bitLength() < 64 ? integer(whole.longValue()) : nodes.numberNode(whole);
        }
        return node.canConvertToLong() ? integer(node.longValue()) : nodes.numberNode(node.bigIntegerValue());
    }

    private static JsonNode integer(long value) {
        return value == (int) value
                ? JsonNodeFactory.instance.numberNode((int) value)
                : JsonNodeFactory.instance.numberNode(value);
    }

    /** The canonical text of {@code node}, ending with a newline. */
    public static String write(JsonNode node) {
        StringWriter out = new StringWriter(4096);
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            generator.setPrettyPrinter(PRINTER.createInstance());
            write(node, generator);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a string cannot fail", e);
        }
        return out.append('\n').toString();
    }

    /** Streams the canonical form without building a sorted copy of the tree first. */
    private static void write(JsonNode node, JsonGenerator out) throws IOException {
        if (node == null || node.isNull() || node.isMissingNode()) {
            out.writeNull();
        } else if (node.isObject()) {
            List<Map.Entry<String, JsonNode>> members = new ArrayList<>(node.properties());
            members.sort(Map.Entry.comparingByKey());
            out.writeStartObject();
            for (Map.Entry<String, JsonNode> member : members) {
                out.writeFieldName(member.getKey());
                write(member.getValue(), out);
            }
            out.writeEndObject();
        } else if (node.isArray()) {
            out.writeStartArray();
            for (JsonNode element : node) {
                write(element, out);
            }
            out.writeEndArray();
        } else if (node.isNumber()) {
            JsonNode number = node.isInt() ? node : number(node);
            if (number.isInt()) {
                out.writeNumber(number.intValue());
            } else if (number.isLong()) {
                out.writeNumber(number.longValue());
            } else if (number.isBigInteger()) {
                out.writeNumber(number.bigIntegerValue());
            } else {
                out.writeNumber(number.doubleValue());
            }
        } else if (node.isTextual()) {
            out.writeString(node.textValue());
        } else if (node.isBoolean()) {
            out.writeBoolean(node.booleanValue());
        } else {
            out.writeString(node.asText());
        }
    }
}
