package io.kapsocode.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kapsocode.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One run of a workflow, as the simulator keeps it: its variables, where it stands, what it did. A
 * {@code call} node runs its callee as a child execution; a message for a waiting parent goes to the
 * deepest waiting child, as in Kapso.
 */
public final class Execution {

    final String id;
    final String workflow;
    final ObjectNode vars;
    final ObjectNode context;
    final ObjectNode system;
    final Log log;
    final Execution parent;
    final String callNode;
    ExecutionStatus status = ExecutionStatus.RUNNING;
    String current;
    String failure;
    Execution child;
    /** Why it waits: {@code user_input}, {@code agent} or {@code call}. */
    String waitingFor;

    Instant startedAt;
    Instant waitingSince;
    Integer timeoutSeconds;
    int emitted;

    Execution(
            String id,
            String workflow,
            ObjectNode vars,
            ObjectNode context,
            ObjectNode system,
            Log log,
            Execution parent,
            String callNode) {
        this.id = id;
        this.workflow = workflow;
        this.vars = vars;
        this.context = context;
        this.system = system;
        this.log = log;
        this.parent = parent;
        this.callNode = callNode;
    }

    /** What a whole conversation shares: the events and the messages, in order. */
    static final class Log {
        private final java.util.function.Supplier<Instant> clock;
        final List<StepEvent> events = new ArrayList<>();
        final List<Message> messages = new ArrayList<>();
        final List<ObjectNode> emittedEvents = new ArrayList<>();
        /** {@code workflow/node} of every node entered, and {@code workflow/node/label} of every branch taken. */
        final java.util.Set<String> visited = new java.util.LinkedHashSet<>();

        final java.util.Set<String> branches = new java.util.LinkedHashSet<>();
        /** Whether {@link #messages} are what was sent; a live project may not show it. */
        boolean messagesObserved = true;

        Log(java.util.function.Supplier<Instant> clock) {
            this.clock = clock;
        }

        void event(String type, Execution execution, String node, String detail) {
            events.add(new StepEvent(
                    type, execution.workflow, node == null ? "" : node, detail, execution.id, clock.get()));
        }
    }

    public String id() {
        return id;
    }

    public String workflow() {
        return workflow;
    }

    /** The status of the conversation: that of the deepest child while a call runs. */
    public ExecutionStatus status() {
        return child != null && status == ExecutionStatus.WAITING ? child.status() : status;
    }

    /** The node it stands at (in the deepest child while a call waits). */
    public Optional<String> currentNode() {
        return child != null ? child.currentNode() : Optional.ofNullable(current);
    }

    /** Its own status: a parent waiting at a {@code call} node is waiting, whatever its child does. */
    public ExecutionStatus ownStatus() {
        return status;
    }

    /** The node it stands at itself (a parent: its {@code call} node). */
    public Optional<String> ownNode() {
        return Optional.ofNullable(current);
    }

    /** Why it failed itself, when it did. */
    public Optional<String> ownFailure() {
        return Optional.ofNullable(failure);
    }

    /** The execution whose {@code call} node started it. */
    public Optional<Execution> parent() {
        return Optional.ofNullable(parent);
    }

    /** The execution its {@code call} node runs now. */
    public Optional<Execution> child() {
        return Optional.ofNullable(child);
    }

    public Instant startedAt() {
        return startedAt;
    }

    /** A copy of its {@code context}. */
    public ObjectNode context() {
        return context.deepCopy();
    }

    /** A copy of its {@code system} fields. */
    public ObjectNode system() {
        return system.deepCopy();
    }

    /** The events of this execution alone, without those of its parent or children. */
    public List<StepEvent> ownEvents() {
        return log.events.stream().filter(e -> e.execution().equals(id)).toList();
    }

    /** Why it failed, when it did. */
    public Optional<String> failure() {
        return child != null && failure == null ? child.failure() : Optional.ofNullable(failure);
    }

    /** A copy of its variables. */
    public ObjectNode vars() {
        return vars.deepCopy();
    }

    /** A variable, or a path into one ({@code order.status}); {@code context.x} and {@code system.x} too. */
    public JsonNode variable(String name) {
        boolean scoped = name.startsWith("vars.") || name.startsWith("context.") || name.startsWith("system.");
        return Templates.lookup(scope(), scoped ? name : "vars." + name);
    }

    public List<StepEvent> events() {
        return List.copyOf(log.events);
    }

    public List<Message> messages() {
        return List.copyOf(log.messages);
    }

    /** The project events it emitted: {@code {event_name, properties, occurred_at}}. */
    public List<ObjectNode> emittedEvents() {
        return log.emittedEvents.stream().map(ObjectNode::deepCopy).toList();
    }

    /** The nodes entered, as {@code workflow/node}, across the whole conversation. */
    public java.util.Set<String> visitedNodes() {
        return java.util.Set.copyOf(log.visited);
    }

    /** The decide branches taken, as {@code workflow/node/label}. */
    public java.util.Set<String> takenBranches() {
        return java.util.Set.copyOf(log.branches);
    }

    /** {@code vars}, {@code context} and {@code system}, as templates see them. */
    ObjectNode scope() {
        ObjectNode scope = Json.object();
        scope.set("vars", vars);
        scope.set("context", context);
        scope.set("system", system);
        return scope;
    }

    /** The execution a message goes to: the deepest waiting child. */
    Execution deepest() {
        return child != null ? child.deepest() : this;
    }
}
