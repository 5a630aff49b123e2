package io.kapsocode.model.node;

import io.kapsocode.model.Required;

/**
 * A reply button of an interactive {@code button} message (up to 3, title up to 20 characters).
 *
 * @param id the id the reply carries
 * @param title the text on the button
 */
public record Button(@Required String id, @Required String title) {}
