package io.kapsocode.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.kapsocode.diagnostic.Diagnostics;
import io.kapsocode.diagnostic.SourceLocation;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * A JSON or YAML file read into a tree that remembers where every value and every key stands, so
 * that any later problem can be reported at its file, line and column. Addresses are JSON Pointers
 * ({@code /nodes/greet/message}).
 */
public final class SourceDocument {

    /** Bounds that keep hostile input (deep nesting, alias bombs, huge files) from exhausting memory. */
    private static final int MAX_NESTING = 200;

    private static final int MAX_TEXT_CHARS = 32 * 1024 * 1024;

    /**
     * YAML is read about ten times slower than JSON (SnakeYAML scans a long scalar at ~1 MB/s), so a
     * YAML source gets half the room: still far above a real workflow, a 100,000-node one is 9 MB.
     */
    private static final int MAX_YAML_CHARS = 16 * 1024 * 1024;

    private static final JsonFactory JSON =
            JsonFactory.builder().streamReadConstraints(limits()).build();
    private static final YAMLFactory YAML = YAMLFactory.builder()
            .loaderOptions(yamlLimits())
            .streamReadConstraints(limits())
            .build();

    private final String file;
    private final JsonNode root;
    private final Map<String, SourceLocation> values;
    private final Map<String, SourceLocation> keys;

    private SourceDocument(
            String file, JsonNode root, Map<String, SourceLocation> values, Map<String, SourceLocation> keys) {
        this.file = file;
        this.root = root;
        this.values = values;
        this.keys = keys;
    }

    /**
     * Parses {@code text}; syntax errors and duplicate keys go to {@code diagnostics} with their
     * location, and the result is empty when the text cannot be read as a whole.
     *
     * @param file the file name shown in diagnostics
     */
    public static Optional<SourceDocument> parse(
            String file, String text, SourceFormat format, Diagnostics diagnostics) {
        int limit = format == SourceFormat.YAML ? MAX_YAML_CHARS : MAX_TEXT_CHARS;
        if (text.length() > limit) {
            diagnostics.error(
                    "file_too_large",
                    "file is " + text.length() + " characters long, more than the " + limit + " a " + format.name()
                            + " source file may have; split it",
                    "",
                    "",
                    SourceLocation.ofFile(file));
            return Optional.empty();
        }
        // sized for a value every 16 characters or so (loaded at most half): large files rarely rehash
        int expected = Math.max(16, text.length() / 8);
        SourceDocument document = new SourceDocument(file, null, new HashMap<>(expected), new HashMap<>(expected));
        JsonFactory factory = format == SourceFormat.YAML ? YAML : JSON;
        try (JsonParser parser = factory.createParser(text)) {
            if (parser.nextToken() == null) {
                diagnostics.error(
                        "empty_file",
                        "file is empty; write the " + (format == SourceFormat.YAML ? "YAML mapping" : "JSON object")
                                + " it should hold",
                        "",
                        "",
                        SourceLocation.ofFile(file));
                return Optional.empty();
            }
            JsonNode root = document.read(parser, "", diagnostics);
            if (format == SourceFormat.JSON && parser.nextToken() != null) {
                diagnostics.error(
                        "syntax_error",
                        "unexpected content after the end of the JSON value; remove it",
                        "",
                        "",
                        document.location(parser.currentTokenLocation()));
            }
            return Optional.of(new SourceDocument(file, root, document.values, document.keys));
        } catch (JsonProcessingException e) {
            SourceLocation where = document.location(e.getLocation());
            if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
                // where the author most likely erred: the opening quote or the key, not the end of the file
                Mark mark = YamlSyntax.startsAtContext(yaml) ? yaml.getContextMark() : yaml.getProblemMark();
                where = new SourceLocation(file, mark.getLine() + 1, mark.getColumn() + 1);
            }
            String said = syntaxMessage(e);
            String explained = e.getCause() instanceof MarkedYAMLException yaml ? YamlSyntax.explain(yaml) : null;
            diagnostics.error(
                    "syntax_error",
                    explained != null
                            ? explained + " (YAML says: " + said + ")"
                            : said + "; fix the " + (format == SourceFormat.YAML ? "YAML" : "JSON") + " syntax",
                    "",
                    "",
                    where);
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            // SnakeYAML reports some limits (aliases, code points) as its own runtime exceptions
            diagnostics.error(
                    "syntax_error",
                    "cannot read the file: " + firstLine(e.getMessage()),
                    "",
                    "",
                    SourceLocation.ofFile(file));
            return Optional.empty();
        }
    }

    private JsonNode read(JsonParser parser, String pointer, Diagnostics diagnostics) throws IOException {
        JsonToken token = parser.currentToken();
        values.put(pointer, location(parser.currentTokenLocation()));
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        switch (token) {
            case START_OBJECT -> {
                ObjectNode object = nodes.objectNode();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    String child = pointer + "/" + escape(name);
                    SourceLocation keyLocation = location(parser.currentTokenLocation());
                    parser.nextToken();
                    if (object.has(name)) {
                        diagnostics.error(
                                "duplicate_key",
                                "key '" + name + "' appears twice in the same mapping; keep one",
                                "",
                                "",
                                keyLocation);
                        read(parser, pointer + "/" + escape(name) + "~duplicate", diagnostics);
                        continue;
                    }
                    keys.put(child, keyLocation);
                    object.set(name, read(parser, child, diagnostics));
                }
                return object;
            }
            case START_ARRAY -> {
                ArrayNode array = nodes.arrayNode();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(read(parser, pointer + "/" + array.size(), diagnostics));
                }
                return array;
            }
            case VALUE_STRING -> {
                return nodes.textNode(parser.getText());
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                JsonNode raw = token == JsonToken.VALUE_NUMBER_INT
                        ? nodes.numberNode(parser.getBigIntegerValue())
                        : nodes.numberNode(parser.getDecimalValue());
                return CanonicalJson.number(raw);
            }
            case VALUE_TRUE -> {
                return nodes.booleanNode(true);
            }
            case VALUE_FALSE -> {
                return nodes.booleanNode(false);
            }
            case VALUE_NULL -> {
                return nodes.nullNode();
            }
            default -> {
                return nodes.textNode(parser.getText());
            }
        }
    }

    /** The file name shown in diagnostics. */
    /**
     * Parses a file whose top level must be a mapping, as every source file of this tool is; any other
     * top level is reported once, as {@code wrong_type} with {@code notAMapping} as the message.
     */
    public static Optional<SourceDocument> parseMapping(
            String file, String text, SourceFormat format, String notAMapping, Diagnostics diagnostics) {
        Optional<SourceDocument> parsed = parse(file, text, format, diagnostics);
        if (parsed.isPresent() && !parsed.get().root().isObject()) {
            diagnostics.error("wrong_type", notAMapping, "", "", parsed.get().at(""));
            return Optional.empty();
        }
        return parsed;
    }

    /** The name of the folder holding {@code file} (a {@code /}-separated path), or {@code fallback}. */
    public static String folderName(String file, String fallback) {
        String[] parts = file.split("/");
        return parts.length >= 2 ? parts[parts.length - 2] : fallback;
    }

    public String file() {
        return file;
    }

    public JsonNode root() {
        return root;
    }

    /** Where the value at {@code pointer} starts, or the nearest enclosing value that has a location. */
    public SourceLocation at(String pointer) {
        String current = pointer;
        while (true) {
            SourceLocation found = values.get(current);
            if (found != null) {
                return found;
            }
            if (current.isEmpty()) {
                return SourceLocation.ofFile(file);
            }
            current = current.substring(0, current.lastIndexOf('/'));
        }
    }

    /** Where the key of the member at {@code pointer} stands, falling back to its value. */
    public SourceLocation keyAt(String pointer) {
        SourceLocation key = keys.get(pointer);
        return key != null ? key : at(pointer);
    }

    /**
     * Every located value as an element path under {@code prefix}: the pointer {@code /screens/0/id}
     * becomes {@code prefix.screens.0.id}, for a {@link io.kapsocode.model.SourceMap}.
     */
    public Map<String, SourceLocation> locations(String prefix) {
        Map<String, SourceLocation> out = new java.util.HashMap<>();
        values.forEach((pointer, location) -> out.put(
                pointer.isEmpty()
                        ? prefix
                        : prefix + pointer.replace('/', '.').replace("~1", "/").replace("~0", "~"),
                location));
        return out;
    }

    /** Escapes one JSON Pointer segment. */
    public static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }

    private SourceLocation location(JsonLocation location) {
        if (location == null || location.getLineNr() <= 0) {
            return SourceLocation.ofFile(file);
        }
        return new SourceLocation(file, location.getLineNr(), Math.max(location.getColumnNr(), 0));
    }

    private static String syntaxMessage(JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblem() != null) {
            String context = yaml.getContext() == null ? "" : yaml.getContext() + ": ";
            return (context + yaml.getProblem()).replaceAll("\\s+", " ").replace("<stream end>", "the end of the file");
        }
        return firstLine(e.getOriginalMessage()).replaceAll("\\s+", " ").trim();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable input";
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).trim();
    }

    private static StreamReadConstraints limits() {
        return StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING)
                .maxStringLength(MAX_TEXT_CHARS)
                .maxNumberLength(100)
                .build();
    }

    private static LoaderOptions yamlLimits() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(50);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(MAX_NESTING);
        options.setCodePointLimit(MAX_TEXT_CHARS);
        options.setAllowDuplicateKeys(true); // reported by us, with both locations
        return options;
    }
}
