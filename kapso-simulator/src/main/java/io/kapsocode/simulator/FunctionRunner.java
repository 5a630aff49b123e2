package io.kapsocode.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Runs a Kapso function for the simulator: a stub of the scenario, or the function's own code.
 */
@FunctionalInterface
public interface FunctionRunner {

    /**
     * @param slug the function (its slug, or the name or id the workflow gives when it has no slug)
     * @param request the body Kapso sends: {@code execution_context}, {@code available_edges},
     *     {@code flow_events}, {@code flow_info}, {@code whatsapp_context}
     * @return its answer; {@link FunctionAnswer#failed} for a failure
     */
    FunctionAnswer run(String slug, ObjectNode request);
}
