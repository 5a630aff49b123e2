package io.kapsocode.dsl;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kapsocode.json.Json;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Consumer;

/** One screen of a WhatsApp Flow: its title, data, and components in reading order. */
public final class FlowScreenSpec {

    final ObjectNode json;
    private final ArrayNode children;

    FlowScreenSpec(String id) {
        json = Json.object().put("id", id);
        children = json.putObject("layout").put("type", "SingleColumnLayout").putArray("children");
    }

    /** The components of a branch or a form, gathered by the same methods. */
    private FlowScreenSpec(ArrayNode children) {
        json = null;
        this.children = children;
    }

    private ObjectNode screen(String method) {
        if (json == null) {
            throw new IllegalStateException(method + "(...) belongs to the screen, not to a form or a branch");
        }
        return json;
    }

    private static ArrayNode branch(Consumer<FlowScreenSpec> components) {
        ArrayNode children = Json.array();
        components.accept(new FlowScreenSpec(children));
        return children;
    }

    /** The title WhatsApp shows at the top of the screen. */
    public FlowScreenSpec title(String title) {
        screen("title").put("title", title);
        return this;
    }

    /** The flow may end on this screen (it needs a footer that completes it). */
    public FlowScreenSpec terminal() {
        screen("terminal").put("terminal", true);
        return this;
    }

    /** A field of the screen's data ({@code ${data.name}}), with its type and Meta's required example. */
    public FlowScreenSpec data(String name, String type, Object example) {
        ObjectNode screen = screen("data");
        ObjectNode field = screen.has("data") ? (ObjectNode) screen.get("data") : screen.putObject("data");
        field.putObject(name).put("type", type).set("__example__", Json.valueOf(example));
        return this;
    }

    /** A large heading ({@code TextHeading}, up to 80 characters). */
    public FlowScreenSpec heading(String text) {
        return add(Json.object().put("type", "TextHeading").put("text", text));
    }

    /** A smaller heading ({@code TextSubheading}, up to 80 characters). */
    public FlowScreenSpec subheading(String text) {
        return add(Json.object().put("type", "TextSubheading").put("text", text));
    }

    /** Body text ({@code TextBody}, up to 4,096 characters). */
    public FlowScreenSpec body(String text) {
        return add(Json.object().put("type", "TextBody").put("text", text));
    }

    /** Small print ({@code TextCaption}, up to 409 characters). */
    public FlowScreenSpec caption(String text) {
        return add(Json.object().put("type", "TextCaption").put("text", text));
    }

    /** A one-line input; {@code required} keeps the footer from being tapped while it is empty. */
    public FlowScreenSpec textInput(String name, String label, boolean required) {
        return add(input("TextInput", name, label, required));
    }

    /** A multi-line input ({@code TextArea}); its answer is {@code ${form.name}}. */
    public FlowScreenSpec textArea(String name, String label, boolean required) {
        return add(input("TextArea", name, label, required));
    }

    /** A date ({@code DatePicker}); its answer is {@code ${form.name}}. */
    public FlowScreenSpec datePicker(String name, String label, boolean required) {
        return add(input("DatePicker", name, label, required));
    }

    /** A dropdown of options, by id to title. */
    public FlowScreenSpec dropdown(String name, String label, Map<String, String> options, boolean required) {
        return add(options(input("Dropdown", name, label, required), options));
    }

    /** One choice among options ({@code RadioButtonsGroup}, up to 20), by id to title. */
    public FlowScreenSpec radioButtons(String name, String label, Map<String, String> options, boolean required) {
        return add(options(input("RadioButtonsGroup", name, label, required), options));
    }

    /** Any number of options ({@code CheckboxGroup}, up to 20), by id to title. */
    public FlowScreenSpec checkboxes(String name, String label, Map<String, String> options, boolean required) {
        return add(options(input("CheckboxGroup", name, label, required), options));
    }

    /** A consent checkbox ({@code OptIn}); its answer is true or false. */
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

    /** Markdown text (Flow JSON 5.1+), one line per string. */
    public FlowScreenSpec richText(String... lines) {
        ObjectNode text = Json.object().put("type", "RichText");
        Arrays.stream(lines).forEach(text.putArray("text")::add);
        return add(text);
    }

    /** An image from base64 data (or a {@code ${data.x}} reference), with its text for screen readers. */
    public FlowScreenSpec image(String src, String altText) {
        return add(Json.object().put("type", "Image").put("src", src).put("alt-text", altText));
    }

    /** Images to swipe through (Flow JSON 7.1+), base64 data (or references) to their text for screen readers. */
    public FlowScreenSpec imageCarousel(Map<String, String> imagesToAltText) {
        ObjectNode carousel = Json.object().put("type", "ImageCarousel");
        ArrayNode images = carousel.putArray("images");
        imagesToAltText.forEach((src, alt) -> images.addObject().put("src", src).put("alt-text", alt));
        return add(carousel);
    }

    /** Options shown as chips (Flow JSON 6.3+), by id to title. */
    public FlowScreenSpec chips(String name, String label, Map<String, String> options, boolean required) {
        return add(options(input("ChipsSelector", name, label, required), options));
    }

    /** A date, or a range of dates with {@code with("mode", "range")} (Flow JSON 6.1+). */
    public FlowScreenSpec calendarPicker(String name, String label, boolean required) {
        return add(input("CalendarPicker", name, label, required));
    }

    /** Photos from the camera or gallery (Flow JSON 4.0+); at least {@code min}, at most {@code max}. */
    public FlowScreenSpec photoPicker(String name, String label, int min, int max) {
        return add(Json.object()
                .put("type", "PhotoPicker")
                .put("name", name)
                .put("label", label)
                .put("min-uploaded-photos", min)
                .put("max-uploaded-photos", max));
    }

    /** Documents of the given MIME types (Flow JSON 4.0+). */
    public FlowScreenSpec documentPicker(String name, String label, String... mimeTypes) {
        ObjectNode picker =
                Json.object().put("type", "DocumentPicker").put("name", name).put("label", label);
        if (mimeTypes.length > 0) {
            Arrays.stream(mimeTypes).forEach(picker.putArray("allowed-mime-types")::add);
        }
        return add(picker);
    }

    /** A list whose items each do an action when tapped (Flow JSON 6.2+), by title, in order. */
    public FlowScreenSpec navigationList(String name, Map<String, ScreenAction> items) {
        ObjectNode list = Json.object().put("type", "NavigationList").put("name", name);
        ArrayNode entries = list.putArray("list-items");
        items.forEach((title, action) -> {
            ObjectNode item = entries.addObject().put("id", "item_" + entries.size());
            item.putObject("main-content").put("title", title);
            item.set("on-click-action", action.json());
        });
        return add(list);
    }

    /** A form grouping inputs (required for inputs before Flow JSON 4.0). */
    public FlowScreenSpec form(String name, Consumer<FlowScreenSpec> components) {
        ObjectNode form = Json.object().put("type", "Form").put("name", name);
        form.set("children", branch(components));
        return add(form);
    }

    /**
     * Components shown only when {@code condition} holds ({@code If}, Flow JSON 4.0+), such as
     * {@code ScreenAction.form("age") + " >= 18"}; a Footer goes in both branches or neither.
     */
    public FlowScreenSpec when(String condition, Consumer<FlowScreenSpec> then, Consumer<FlowScreenSpec> otherwise) {
        ObjectNode when = Json.object().put("type", "If").put("condition", condition);
        when.set("then", branch(then));
        ArrayNode elseBranch = branch(otherwise);
        if (!elseBranch.isEmpty()) {
            when.set("else", elseBranch);
        }
        return add(when);
    }

    /** Components chosen by a value ({@code Switch}, Flow JSON 4.0+), by case. */
    public FlowScreenSpec switchOn(String value, Map<String, Consumer<FlowScreenSpec>> cases) {
        ObjectNode choice = Json.object().put("type", "Switch").put("value", value);
        ObjectNode branches = choice.putObject("cases");
        cases.forEach((key, components) -> branches.set(key, branch(components)));
        return add(choice);
    }

    /**
     * Sets a further property of the component added last, as Meta names it ({@code "input-type"},
     * {@code "helper-text"}, {@code "init-value"}, ...); validation checks its kind and version.
     */
    public FlowScreenSpec with(String property, Object value) {
        if (children.isEmpty()) {
            throw new IllegalStateException("with(\"" + property + "\", ...) needs a component before it");
        }
        ((ObjectNode) children.get(children.size() - 1)).set(property, Json.valueOf(value));
        return this;
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
