package io.kapsocode.dsl;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kapsocode.json.Json;
import java.util.Map;

/** One screen of a WhatsApp Flow: its title, data, and components in reading order. */
public final class FlowScreenSpec {

    final ObjectNode json;
    private final ArrayNode children;

    FlowScreenSpec(String id) {
        json = Json.object().put("id", id);
        children = json.putObject("layout").put("type", "SingleColumnLayout").putArray("children");
    }

    public FlowScreenSpec title(String title) {
        json.put("title", title);
        return this;
    }

    /** The flow may end on this screen (it needs a footer that completes it). */
    public FlowScreenSpec terminal() {
        json.put("terminal", true);
        return this;
    }

    /** A field of the screen's data ({@code ${data.name}}), with its type and Meta's required example. */
    public FlowScreenSpec data(String name, String type, Object example) {
        ObjectNode field = json.has("data") ? (ObjectNode) json.get("data") : json.putObject("data");
        field.putObject(name).put("type", type).set("__example__", Json.valueOf(example));
        return this;
    }

    public FlowScreenSpec heading(String text) {
        return add(Json.object().put("type", "TextHeading").put("text", text));
    }

    public FlowScreenSpec subheading(String text) {
        return add(Json.object().put("type", "TextSubheading").put("text", text));
    }

    public FlowScreenSpec body(String text) {
        return add(Json.object().put("type", "TextBody").put("text", text));
    }

    public FlowScreenSpec caption(String text) {
        return add(Json.object().put("type", "TextCaption").put("text", text));
    }

    /** A one-line input; {@code required} keeps the footer from being tapped while it is empty. */
    public FlowScreenSpec textInput(String name, String label, boolean required) {
        return add(input("TextInput", name, label, required));
    }

    public FlowScreenSpec textArea(String name, String label, boolean required) {
        return add(input("TextArea", name, label, required));
    }

    public FlowScreenSpec datePicker(String name, String label, boolean required) {
        return add(input("DatePicker", name, label, required));
    }

    /** A dropdown of options, by id to title. */
    public FlowScreenSpec dropdown(String name, String label, Map<String, String> options, boolean required) {
        return add(options(input("Dropdown", name, label, required), options));
    }

    public FlowScreenSpec radioButtons(String name, String label, Map<String, String> options, boolean required) {
        return add(options(input("RadioButtonsGroup", name, label, required), options));
    }

    public FlowScreenSpec checkboxes(String name, String label, Map<String, String> options, boolean required) {
        return add(options(input("CheckboxGroup", name, label, required), options));
    }

    public FlowScreenSpec optIn(String name, String label, boolean required) {
        return add(input("OptIn", name, label, required));
    }

    /** A link in the text that does {@code action} when tapped. */
    public FlowScreenSpec link(String text, ScreenAction action) {
        ObjectNode link = Json.object().put("type", "EmbeddedLink").put("text", text);
        link.set("on-click-action", action.json());
        return add(link);
    }

    /** The button at the bottom of the screen. */
    public FlowScreenSpec footer(String label, ScreenAction action) {
        ObjectNode footer = Json.object().put("type", "Footer").put("label", label);
        footer.set("on-click-action", action.json());
        return add(footer);
    }

    /** Any component as Meta writes it, for one this builder has no method for (a newer one, say). */
    public FlowScreenSpec component(Map<String, ?> component) {
        return add((ObjectNode) Json.valueOf(component));
    }

    private FlowScreenSpec add(ObjectNode component) {
        children.add(component);
        return this;
    }

    private static ObjectNode input(String type, String name, String label, boolean required) {
        ObjectNode input = Json.object().put("type", type).put("name", name).put("label", label);
        if (required) {
            input.put("required", true);
        }
        return input;
    }

    private static ObjectNode options(ObjectNode input, Map<String, String> options) {
        ArrayNode source = input.putArray("data-source");
        options.forEach((id, title) -> source.addObject().put("id", id).put("title", title));
        return input;
    }
}
