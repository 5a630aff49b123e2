package io.kapsocode.simulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a conversation test says about the world outside the workflow: how functions answer (stubs, or
 * a runner for their real code), which label an AI decision picks, what an agent does, the values of
 * {@code ${ENV:NAME}}. Stubs are used in order, the last one again when they run out.
 */
public final class Scenario {

    final Map<String, Deque<FunctionAnswer>> functions = new HashMap<>();
    final Map<String, Deque<String>> aiPicks = new HashMap<>();
    final Map<String, Deque<AgentTurn>> agents = new HashMap<>();
    final Map<String, String> env = new HashMap<>();
    final Map<String, Deque<com.fasterxml.jackson.databind.JsonNode>> webhooks = new HashMap<>();
    FunctionRunner functionCode;

    public Scenario function(String slug, FunctionAnswer answer) {
        functions.computeIfAbsent(slug, k -> new ArrayDeque<>()).add(answer);
        return this;
    }

    /** The label the model of decide node {@code node} picks, next time it decides. */
    public Scenario aiPicks(String node, String label) {
        aiPicks.computeIfAbsent(node, k -> new ArrayDeque<>()).add(label);
        return this;
    }

    /** What agent node {@code node} does, turn after turn. */
    public Scenario agent(String node, List<AgentTurn> turns) {
        agents.computeIfAbsent(node, k -> new ArrayDeque<>()).addAll(turns);
        return this;
    }

    /** What webhook node {@code node} receives instead of making its request. */
    public Scenario webhook(String node, Object response) {
        webhooks.computeIfAbsent(node, k -> new ArrayDeque<>()).add(io.kapsocode.json.Json.valueOf(response));
        return this;
    }

    public Scenario env(String name, String value) {
        env.put(name, value);
        return this;
    }

    /** Runs functions without a stub, such as their own JavaScript. */
    public Scenario functionCode(FunctionRunner runner) {
        this.functionCode = runner;
        return this;
    }

    FunctionAnswer answer(String slug, com.fasterxml.jackson.databind.node.ObjectNode request) {
        Deque<FunctionAnswer> answers = functions.get(slug);
        if (answers != null && !answers.isEmpty()) {
            return answers.size() > 1 ? answers.poll() : answers.peek();
        }
        if (functionCode != null) {
            return functionCode.run(slug, request);
        }
        return null;
    }
}
