package io.kapsocode.simulator;

import java.time.Instant;

/**
 * One thing that happened in an execution, in the spirit of Kapso's {@code step_entered} and
 * {@code step_completed} events.
 *
 * @param type {@code step_entered}, {@code step_completed}, {@code user_message}, {@code message_sent},
 *     {@code function_called}, {@code decision}, {@code event_emitted}, {@code waiting}, {@code resumed},
 *     {@code unknown_variable}, {@code ended}, {@code failed}, {@code handoff}
 * @param workflow the workflow's slug
 * @param node the node it happened at, or empty
 * @param detail what a reader of the transcript needs
 * @param execution the execution it happened in (a {@code call} runs its callee in a child execution)
 * @param at when it happened, on the runtime's clock
 */
public record StepEvent(String type, String workflow, String node, String detail, String execution, Instant at) {}
