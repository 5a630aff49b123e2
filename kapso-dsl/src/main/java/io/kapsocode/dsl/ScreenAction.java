package io.kapsocode.dsl;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kapsocode.json.Json;
import java.util.Map;

/**
 * What tapping a button of a WhatsApp Flow screen does (Meta's actions): go to another screen, finish
 * the flow, ask the data endpoint, change the screen's data, open a link. Payload values may be
 * references: {@link #form}, {@link #data}, {@link #screenForm}.
 */
public final class ScreenAction {

    private final ObjectNode json;

    private ScreenAction(ObjectNode json) {
        this.json = json;
    }

    /** Opens {@code screen}, passing {@code payload} as its data (every field it declares). */
    public static ScreenAction navigate(String screen, Map<String, ?> payload) {
        ObjectNode json = Json.object().put("name", "navigate");
        json.putObject("next").put("type", "screen").put("name", screen);
        json.set("payload", Json.valueOf(payload));
        return new ScreenAction(json);
    }

    /** Finishes the flow; the payload is what the workflow's reply carries. Terminal screens only. */
    public static ScreenAction complete(Map<String, ?> payload) {
        ObjectNode json = Json.object().put("name", "complete");
        json.set("payload", Json.valueOf(payload));
        return new ScreenAction(json);
    }

    /** Sends the payload to the flow's data endpoint, which answers the next screen and its data. */
    public static ScreenAction dataExchange(Map<String, ?> payload) {
        ObjectNode json = Json.object().put("name", "data_exchange");
        json.set("payload", Json.valueOf(payload));
        return new ScreenAction(json);
    }

    /** Changes the screen's own data (Flow JSON 6.0 and later). */
    public static ScreenAction updateData(Map<String, ?> payload) {
        ObjectNode json = Json.object().put("name", "update_data");
        json.set("payload", Json.valueOf(payload));
        return new ScreenAction(json);
    }

    /** Opens a web page (Flow JSON 6.0 and later). */
    public static ScreenAction openUrl(String url) {
        return new ScreenAction(Json.object().put("name", "open_url").put("url", url));
    }

    /** {@code ${form.name}}: what the user entered in input {@code name} of this screen. */
    public static String form(String name) {
        return "${form." + name + "}";
    }

    /** {@code ${data.name}}: field {@code name} of this screen's data. */
    public static String data(String name) {
        return "${data." + name + "}";
    }

    /** {@code ${screen.S.form.name}}: what the user entered in input {@code name} of screen {@code screen}. */
    public static String screenForm(String screen, String name) {
        return "${screen." + screen + ".form." + name + "}";
    }

    ObjectNode json() {
        return json.deepCopy();
    }
}
