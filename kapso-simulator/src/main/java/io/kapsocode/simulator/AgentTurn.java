package io.kapsocode.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.kapsocode.json.Json;

/**
 * One thing a scripted agent does: reply, call one of its function tools, wait for the user, complete
 * its task (the workflow goes on along {@code next}) or hand off to a person.
 *
 * @param kind {@code reply}, {@code tool}, {@code wait}, {@code complete} or {@code handoff}
 * @param text the reply, the tool name, or the handoff reason
 * @param input a tool's input
 */
public record AgentTurn(String kind, String text, JsonNode input) {

    public static AgentTurn reply(String text) {
        return new AgentTurn("reply", text, null);
    }

    public static AgentTurn tool(String name, Object input) {
        return new AgentTurn("tool", name, Json.valueOf(input));
    }

    public static AgentTurn waitForUser() {
        return new AgentTurn("wait", null, null);
    }

    public static AgentTurn complete() {
        return new AgentTurn("complete", null, null);
    }

    public static AgentTurn handoff(String reason) {
        return new AgentTurn("handoff", reason, null);
    }
}
