package io.kapsocode.simulator;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A message the workflow sent, with every template rendered.
 *
 * @param workflow the workflow that sent it
 * @param node the node that sent it
 * @param kind {@code text}, {@code template} or {@code interactive}
 * @param text the text a customer reads: the message, the template id, or the interactive body
 * @param payload the rendered config of the node (buttons, template parameters...)
 */
public record Message(String workflow, String node, String kind, String text, JsonNode payload) {}
