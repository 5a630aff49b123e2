package io.kapsocode.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kapsocode.json.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kapso's template strings: {@code ${ENV:NAME}} from the environment first, then {@code {{vars.x}}},
 * {@code {{context.x}}}, {@code {{system.x}}} and {@code {{last_user_input}}} at run time, with nested
 * paths ({@code {{vars.order.status}}}) and spaces inside the braces. An unknown variable renders as
 * the empty string, as Liquid-style engines do (Kapso does not document it); each one is reported, so a
 * test can see it.
 */
final class Templates {

    private static final Pattern ENV = Pattern.compile("\\$\\{ENV:([A-Za-z0-9_]+)}");
    private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.\\[\\]-]+)\\s*}}");

    private Templates() {}

    /**
     * @param scope {@code vars}, {@code context} and {@code system}; {@code last_user_input} is read from
     *     {@code vars}
     * @param unknown receives each name that resolved to nothing
     */
    static String render(String text, Map<String, String> env, ObjectNode scope, Consumer<String> unknown) {
        String withEnv = replace(ENV, text, m -> {
            String value = env.get(m.group(1));
            if (value == null) {
                unknown.accept("ENV:" + m.group(1));
                return "";
            }
            return value;
        });
        return replace(VARIABLE, withEnv, m -> {
            JsonNode value = lookup(scope, m.group(1));
            if (value.isMissingNode() || value.isNull()) {
                unknown.accept(m.group(1));
                return "";
            }
            return value.isTextual() ? value.textValue() : Json.compact(value);
        });
    }

    /** Renders every string inside a JSON value (webhook bodies, event properties). */
    static JsonNode renderAll(JsonNode value, Map<String, String> env, ObjectNode scope, Consumer<String> unknown) {
        if (value == null) {
            return null;
        }
        if (value.isTextual()) {
            return Json.text(render(value.textValue(), env, scope, unknown));
        }
        if (value.isObject()) {
            ObjectNode out = Json.object();
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                out.set(e.getKey(), renderAll(e.getValue(), env, scope, unknown));
            }
            return out;
        }
        if (value.isArray()) {
            var out = Json.array();
            value.forEach(item -> out.add(renderAll(item, env, scope, unknown)));
            return out;
        }
        return value.deepCopy();
    }

    /** {@code vars.order.items[0].name} in the scope; {@code last_user_input} alone means the variable. */
    static JsonNode lookup(ObjectNode scope, String path) {
        List<String> parts =
                new ArrayList<>(List.of(path.replace("[", ".").replace("]", "").split("\\.")));
        if (parts.size() == 1) {
            parts.add(0, "vars");
        }
        JsonNode current = scope;
        for (String part : parts) {
            current = current.isArray() && part.matches("\\d+")
                    ? current.path(Integer.parseInt(part))
                    : current.path(part);
        }
        return current;
    }

    private static String replace(Pattern pattern, String text, java.util.function.Function<Matcher, String> value) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(value.apply(m)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
