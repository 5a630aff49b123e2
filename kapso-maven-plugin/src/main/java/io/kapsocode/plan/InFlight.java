package io.kapsocode.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The conversations in flight in a workflow whose definition the plan changes, and those of them that
 * stand where the change touches: at a node it removes, retypes or rewires, or at a {@code call} node
 * whose target or callee changes (Kapso then refuses to resume the child: "Execution configuration
 * changed").
 *
 * @param waiting executions of the workflow that wait (for the user, a timeout or a child)
 * @param running executions of the workflow that run
 * @param handoff executions of the workflow handed to a person (they may be handed back)
 * @param waitingAt how many of them wait at each node of the workflow
 * @param affected where the change meets them, node by node (in this workflow, or a caller's call node)
 */
public record InFlight(
        int waiting, int running, int handoff, java.util.Map<String, Integer> waitingAt, List<Affected> affected) {

    /** How many tracking ids a plan shows per node. */
    public static final int SHOWN_TRACKING_IDS = 5;

    public InFlight {
        waitingAt = java.util.Map.copyOf(waitingAt);
        affected = List.copyOf(affected);
    }

    /** What the change does to the node a conversation stands at. */
    public enum Impact {
        /** The node is gone: a waiting conversation has nowhere to resume. */
        REMOVED("which this change removes"),
        /** The node becomes another type: a waiting conversation resumes into a different step. */
        RETYPED("which this change turns into another type of node"),
        /** The node's outgoing edges change: a conversation goes on somewhere else than it would have. */
        REWIRED("whose outgoing edges this change rewires"),
        /** The call node calls another workflow: Kapso refuses to resume its child. */
        CALL_CHANGED("a call node whose target this change changes (Kapso answers 'Execution configuration"
                + " changed' to resumes)"),
        /** The workflow the call node calls changes under its waiting child. */
        CALLEE_CHANGED("a call node whose callee this change changes under its waiting child");

        private final String says;

        Impact(String says) {
            this.says = says;
        }

        public String says() {
            return says;
        }

        /** Whether apply refuses it while conversations wait there (unless allowed). */
        public boolean refused() {
            return this == REMOVED || this == RETYPED;
        }

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Conversations standing at one node the change touches.
     *
     * @param workflow the workflow of the node (a caller's slug for {@link Impact#CALLEE_CHANGED})
     * @param node the node id
     * @param trackingIds up to {@link #SHOWN_TRACKING_IDS} of them, newest first
     */
    public record Affected(
            String workflow,
            String node,
            Impact impact,
            int waiting,
            int running,
            int handoff,
            List<String> trackingIds) {

        public Affected {
            trackingIds = List.copyOf(trackingIds);
        }

        public int total() {
            return waiting + running + handoff;
        }

        /** {@code 3 waiting at node 'ask', which this change removes (tracking ids: ...)}. */
        public String describe(String changedWorkflow) {
            List<String> counts = new ArrayList<>();
            if (waiting > 0) {
                counts.add(waiting + " waiting");
            }
            if (running > 0) {
                counts.add(running + " running");
            }
            if (handoff > 0) {
                counts.add(handoff + " in handoff");
            }
            String where = workflow.equals(changedWorkflow)
                    ? "at node '" + node + "'"
                    : "in workflow '" + workflow + "' at node '" + node + "'";
            return String.join(", ", counts) + " " + where + ", " + impact.says()
                    + (trackingIds.isEmpty() ? "" : " (tracking ids: " + String.join(", ", trackingIds) + ")");
        }
    }

    public int total() {
        return waiting + running + handoff;
    }

    /** Conversations that wait where apply refuses the change unless allowed. */
    public List<Affected> refusable() {
        return affected.stream()
                .filter(a -> a.impact().refused() && a.waiting() > 0)
                .toList();
    }

    /** The plan's lines about it: the conversations in flight, then each node the change touches. */
    public List<String> describe(String workflow) {
        List<String> lines = new ArrayList<>();
        if (total() > 0) {
            lines.add("in flight: " + total() + " conversation" + (total() == 1 ? "" : "s") + " (" + waiting
                    + " waiting, " + running + " running, " + handoff + " in handoff)");
        }
        affected.forEach(a -> lines.add("in flight: " + a.describe(workflow)));
        return lines;
    }
}
