package io.kapsocode.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * How Meta's Flow JSON nests a screen's components and names its references, shared by what checks a
 * flow and what walks it: components in reading order, inside forms and both branches of {@code If} and
 * {@code Switch}; {@code ${form.x}}, {@code ${data.x}}, {@code ${screen.S.form.x}} and
 * {@code ${screen.S.data.x}}.
 */
public final class FlowScreens {

    /**
     * A reference: groups 1–2 are the scope ({@code form} or {@code data}) and field of this screen's, or
     * groups 3–5 the screen, scope and field of another's.
     */
    public static final Pattern REFERENCE = Pattern.compile(
            "\\$\\{(?:(form|data)\\.([A-Za-z0-9_]+)|screen\\.([A-Za-z0-9_]+)\\.(form|data)\\.([A-Za-z0-9_]+))}");

    private FlowScreens() {}

    /**
     * Visits each component of a screen in reading order, with its element path under {@code path}
     * ({@code path.layout.children.0}, {@code ...children.2.then.0}).
     */
    public static void components(JsonNode screen, String path, BiConsumer<JsonNode, String> visit) {
        walk(screen.path("layout").path("children"), path + ".layout.children", visit);
    }

    private static void walk(JsonNode children, String path, BiConsumer<JsonNode, String> visit) {
        for (int i = 0; i < children.size(); i++) {
            JsonNode component = children.get(i);
            String at = path + "." + i;
            visit.accept(component, at);
            walk(component.path("children"), at + ".children", visit);
            walk(component.path("then"), at + ".then", visit);
            walk(component.path("else"), at + ".else", visit);
            component.path("cases").properties().forEach(c -> walk(c.getValue(), at + ".cases." + c.getKey(), visit));
        }
    }
}
