package io.kapsocode.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.kapsocode.diagnostic.Suggestions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Meta's Flow JSON components property by property ({@code docs/flow-json-rules.md}, META-COMP): which
 * properties each component has, which it requires, what each holds and the version a property appeared
 * in when that is later than its component's. A property this tool does not know is kept as written and
 * warned: Meta adds properties in new versions.
 */
final class FlowComponents {

    /** What a property holds; every kind but actions and component lists also takes a {@code ${...}} value. */
    enum Kind {
        STRING,
        /** a string, or a list of strings (markdown lines) */
        TEXT,
        BOOLEAN,
        /** an If's condition: true, false or an expression ({@link FlowCondition}) */
        CONDITION,
        NUMBER,
        ARRAY,
        OBJECT,
        ACTION,
        COMPONENTS,
        ANY
    }

    /**
     * @param values the allowed values of an enumerated string, empty for any
     * @param since the version it appeared in, null when it came with its component
     */
    record Property(String name, Kind kind, boolean required, List<String> values, String since) {}

    /** The properties of each component, by component type. */
    static final Map<String, Map<String, Property>> PROPERTIES = new LinkedHashMap<>();

    /** The components that hold a user's answer under their {@code name}. */
    static final List<String> INPUTS = List.of(
            "TextInput",
            "TextArea",
            "CheckboxGroup",
            "RadioButtonsGroup",
            "Dropdown",
            "ChipsSelector",
            "OptIn",
            "DatePicker",
            "CalendarPicker",
            "PhotoPicker",
            "DocumentPicker");

    private static final String[] INPUT = {
        "name!", "required:boolean", "enabled:boolean", "init-value:any@4.0", "error-message@4.0"
    };
    /** Pickers have no {@code required} or {@code init-value}: their minimum count says it. */
    private static final String[] PICKER = {"name!", "enabled:boolean", "error-message"};

    private static final String[] SELECTION = {
        "data-source!:array",
        "description@4.0",
        "media-size=regular|large@5.0",
        "on-select-action:action",
        "on-unselect-action:action@6.0"
    };
    private static final String[] DATES = {"min-date", "max-date", "unavailable-dates:array", "helper-text"};
    private static final String FONT_WEIGHT = "font-weight=bold|italic|bold_italic|normal";
    private static final String SCALE = "scale-type=cover|contain";

    static {
        component("TextHeading", "text!:text");
        component("TextSubheading", "text!:text");
        component("TextBody", "text!:text", FONT_WEIGHT, "strikethrough:boolean", "markdown:boolean@5.1");
        component("TextCaption", "text!:text", FONT_WEIGHT, "strikethrough:boolean", "markdown:boolean@5.1");
        component("RichText", "text!:text");
        component("Image", "src!", "width:number", "height:number", SCALE, "aspect-ratio:number", "alt-text");
        component("ImageCarousel", "images!:array", SCALE, "aspect-ratio:number");
        component(
                "TextInput",
                join(
                        INPUT,
                        "label!",
                        "input-type=text|number|email|password|passcode|phone",
                        "helper-text",
                        "min-chars:number",
                        "max-chars:number",
                        "pattern@6.2",
                        "label-variant=default|large@7.0"));
        component(
                "TextArea",
                join(INPUT, "label!", "helper-text", "max-length:number", "label-variant=default|large@7.0"));
        component(
                "CheckboxGroup",
                join(join(INPUT, SELECTION), "label", "min-selected-items:number", "max-selected-items:number"));
        component("RadioButtonsGroup", join(join(INPUT, SELECTION), "label"));
        component(
                "Dropdown",
                join(
                        INPUT,
                        "label!",
                        "data-source!:array",
                        "on-select-action:action",
                        "on-unselect-action:action@6.0"));
        component(
                "ChipsSelector",
                join(
                        INPUT,
                        "label!",
                        "data-source!:array",
                        "description",
                        "min-selected-items:number",
                        "max-selected-items:number",
                        "on-select-action:action",
                        "on-unselect-action:action"));
        component(
                "OptIn",
                "name!",
                "label!",
                "required:boolean",
                "init-value:boolean@4.0",
                "on-click-action:action",
                "on-select-action:action@6.0",
                "on-unselect-action:action@6.0");
        component("DatePicker", join(join(INPUT, DATES), "label!", "on-select-action:action"));
        component(
                "CalendarPicker",
                join(
                        join(INPUT, DATES),
                        "label!:any",
                        "title",
                        "description",
                        "mode=single|range",
                        "include-days:array",
                        "min-days:number",
                        "max-days:number",
                        "on-select-action:action"));
        component(
                "PhotoPicker",
                join(
                        PICKER,
                        "label!",
                        "description",
                        "photo-source=camera_gallery|camera|gallery",
                        "max-file-size-kb:number",
                        "min-uploaded-photos:number",
                        "max-uploaded-photos:number"));
        component(
                "DocumentPicker",
                join(
                        PICKER,
                        "label!",
                        "description",
                        "max-file-size-kb:number",
                        "min-uploaded-documents:number",
                        "max-uploaded-documents:number",
                        "allowed-mime-types:array"));
        component(
                "Footer",
                "label!",
                "on-click-action!:action",
                "left-caption",
                "center-caption",
                "right-caption",
                "enabled:boolean");
        component("EmbeddedLink", "text!", "on-click-action!:action");
        component(
                "NavigationList",
                "name!",
                "list-items!:array",
                "label",
                "description",
                "media-size=regular|large",
                "on-click-action:action");
        component("Form", "name!", "children!:components", "init-values:object", "error-messages:object");
        component("If", "condition!:condition", "then!:components", "else:components");
        component("Switch", "value!", "cases!:object");
    }

    private FlowComponents() {}

    /**
     * Checks one component's properties against its type and the flow's version.
     *
     * @param version the flow's version, or null when it is not one Meta published
     */
    static void check(String screen, JsonNode component, String path, String version, Findings findings) {
        String type = component.path("type").asText("");
        Map<String, Property> properties = PROPERTIES.get(type);
        if (properties == null) {
            return; // an unknown component is reported once, by its type
        }
        String where = type + " on screen '" + screen + "'";
        for (Property property : properties.values()) {
            if (property.required() && !component.has(property.name())) {
                findings.error(
                        "flow_missing_property",
                        path,
                        where + " has no '" + property.name() + "', which Meta requires; add it");
            }
        }
        component.properties().forEach(entry -> {
            String name = entry.getKey();
            if (name.equals("type")) {
                return;
            }
            Property property = properties.get(name);
            String at = path + "." + name;
            if (property == null) {
                findings.warning(
                        "flow_unknown_property",
                        at,
                        where + " has property '" + name + "', which this tool does not know"
                                + Suggestions.didYouMean(name, properties.keySet())
                                + "; it is kept as written and not checked");
                return;
            }
            if (property.since() != null && version != null && FlowJsonRules.older(version, property.since())) {
                findings.error(
                        "flow_property_not_in_version",
                        at,
                        where + " sets '" + name + "', which " + type + " has only since Flow JSON "
                                + property.since() + "; this flow is version " + version + ": raise 'version' to "
                                + property.since() + " or remove '" + name + "'");
            }
            value(where, property, entry.getValue(), at, findings);
        });
    }

    private static final java.util.regex.Pattern DATE = java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final java.util.regex.Pattern MILLIS = java.util.regex.Pattern.compile("\\d{10,13}");

    /**
     * Literal dates of DatePicker and CalendarPicker: {@code YYYY-MM-DD} from Flow JSON 5.0 (CalendarPicker
     * always), a timestamp in milliseconds before it. A warning: Meta shows a wrong one as no limit.
     */
    static void dates(String screen, JsonNode component, String path, String version, Findings findings) {
        String type = component.path("type").asText("");
        if (!type.equals("DatePicker") && !type.equals("CalendarPicker")) {
            return;
        }
        boolean isoDates = type.equals("CalendarPicker") || version == null || !FlowJsonRules.older(version, "5.0");
        for (String key : List.of("min-date", "max-date", "unavailable-dates", "init-value")) {
            JsonNode value = component.path(key);
            List<JsonNode> dates = new ArrayList<>();
            if (value.isArray()) {
                value.forEach(dates::add);
            } else if (value.isTextual()) {
                dates.add(value);
            }
            for (JsonNode date : dates) {
                if (!date.isTextual() || dynamic(date)) {
                    continue;
                }
                boolean fits =
                        (isoDates ? DATE : MILLIS).matcher(date.textValue()).matches();
                if (!fits) {
                    findings.warning(
                            "flow_date_format",
                            path + "." + key,
                            type + " on screen '" + screen + "' has " + key + " '" + date.textValue() + "'; write "
                                    + (isoDates
                                            ? "dates as YYYY-MM-DD, such as 2026-12-24"
                                            : "dates as timestamps in milliseconds before Flow JSON 5.0, such as"
                                                    + " \"1766534400000\" (or raise 'version' to 5.0 and write"
                                                    + " YYYY-MM-DD)"));
                    break;
                }
            }
        }
    }

    /** The entries a list component shows, by list key, and what each entry needs. */
    private static final Map<String, List<String>> ITEM_KEYS = Map.of(
            "data-source",
            List.of("id", "title"),
            "list-items",
            List.of("id", "main-content.title"),
            "images",
            List.of("src"));

    /**
     * Each entry of a literal list (options, navigation items, carousel images) has what Meta shows it
     * by, and the ids of one list are unique: Meta answers with the chosen id.
     */
    static void items(String screen, JsonNode component, String path, Findings findings) {
        String type = component.path("type").asText("");
        ITEM_KEYS.forEach((list, required) -> {
            JsonNode items = component.path(list);
            if (!items.isArray() || !PROPERTIES.getOrDefault(type, Map.of()).containsKey(list)) {
                return;
            }
            java.util.Set<String> ids = new java.util.HashSet<>();
            for (int i = 0; i < items.size(); i++) {
                JsonNode item = items.get(i);
                String at = path + "." + list + "." + i;
                for (String key : required) {
                    JsonNode value = item.at("/" + key.replace('.', '/'));
                    if (!value.isTextual() || value.textValue().isBlank()) {
                        findings.error(
                                "flow_list_item",
                                at,
                                "entry " + (i + 1) + " of the " + type + "'s '" + list + "' on screen '" + screen
                                        + "' has no '" + key + "'; give every entry " + String.join(" and ", required));
                    }
                }
                String id = item.path("id").asText("");
                if (!id.isEmpty() && !ids.add(id)) {
                    findings.error(
                            "flow_list_item",
                            at + ".id",
                            "two entries of the " + type + "'s '" + list + "' on screen '" + screen + "' have the id '"
                                    + id + "'; Meta answers with the chosen id, so each must be unique");
                }
            }
        });
    }

    private static void value(String where, Property property, JsonNode value, String at, Findings findings) {
        if (dynamic(value) && property.kind() != Kind.ACTION && property.kind() != Kind.COMPONENTS) {
            return;
        }
        if (!fits(property.kind(), value)) {
            findings.error(
                    "flow_property_type",
                    at,
                    where + " has '" + property.name() + "' " + shown(value) + "; it takes " + describe(property.kind())
                            + (property.kind() == Kind.ACTION || property.kind() == Kind.COMPONENTS
                                    ? ""
                                    : ", or a ${data.x} / ${form.x} reference"));
        } else if (!property.values().isEmpty() && !property.values().contains(value.textValue())) {
            findings.error(
                    "flow_property_value",
                    at,
                    where + " has '" + property.name() + "' '" + value.textValue() + "'"
                            + Suggestions.didYouMean(value.textValue(), property.values()) + "; it is one of "
                            + String.join(", ", property.values()));
        }
    }

    /** A reference or, since 6.0, a backtick expression: its value is known only at run time. */
    static boolean dynamic(JsonNode value) {
        if (!value.isTextual()) {
            return false;
        }
        String text = value.textValue().strip();
        return text.startsWith("${") || (text.startsWith("`") && text.endsWith("`") && text.length() > 1);
    }

    private static boolean fits(Kind kind, JsonNode value) {
        switch (kind) {
            case STRING:
                return value.isTextual();
            case TEXT:
                return value.isTextual() || (value.isArray() && allText(value));
            case BOOLEAN:
                return value.isBoolean();
            case CONDITION:
                return value.isBoolean() || value.isTextual();
            case NUMBER:
                return value.isNumber();
            case ARRAY:
            case COMPONENTS:
                return value.isArray();
            case OBJECT:
            case ACTION:
                return value.isObject();
            default:
                return true;
        }
    }

    private static boolean allText(JsonNode array) {
        for (JsonNode item : array) {
            if (!item.isTextual()) {
                return false;
            }
        }
        return true;
    }

    private static String describe(Kind kind) {
        switch (kind) {
            case TEXT:
                return "a text or a list of texts";
            case BOOLEAN:
            case CONDITION:
                return "true or false";
            case NUMBER:
                return "a number";
            case ARRAY:
                return "a list";
            case COMPONENTS:
                return "a list of components";
            case OBJECT:
                return "an object";
            case ACTION:
                return "an action object such as {\"name\": \"navigate\", ...}";
            default:
                return "a text";
        }
    }

    private static String shown(JsonNode value) {
        String text = value.toString();
        return text.length() > 40 ? text.substring(0, 37) + "..." : text;
    }

    /** {@code name[!][:kind][=a|b][@since]}: {@code !} required, kind defaults to string. */
    private static void component(String type, String... specs) {
        Map<String, Property> properties = new LinkedHashMap<>();
        properties.put("visible", new Property("visible", Kind.BOOLEAN, false, List.of(), null));
        for (String spec : specs) {
            String rest = spec;
            String since = null;
            int at = rest.indexOf('@');
            if (at >= 0) {
                since = rest.substring(at + 1);
                rest = rest.substring(0, at);
            }
            List<String> values = List.of();
            int equals = rest.indexOf('=');
            if (equals >= 0) {
                values = List.of(rest.substring(equals + 1).split("\\|"));
                rest = rest.substring(0, equals);
            }
            Kind kind = Kind.STRING;
            int colon = rest.indexOf(':');
            if (colon >= 0) {
                kind = Kind.valueOf(rest.substring(colon + 1).toUpperCase(java.util.Locale.ROOT));
                rest = rest.substring(0, colon);
            }
            boolean required = rest.endsWith("!");
            String name = required ? rest.substring(0, rest.length() - 1) : rest;
            properties.put(name, new Property(name, kind, required, values, since));
        }
        PROPERTIES.put(type, java.util.Collections.unmodifiableMap(properties));
    }

    private static String[] join(String[] first, String... more) {
        List<String> all = new ArrayList<>(Arrays.asList(first));
        all.addAll(Arrays.asList(more));
        return all.toArray(String[]::new);
    }
}
