package io.kapsocode.model.node;

import io.kapsocode.model.Required;

/**
 * A row of an interactive list (title up to 24 characters, description up to 72).
 *
 * @param id the id the reply carries
 * @param title the row's text
 * @param description optional second line
 */
public record ListRow(@Required String id, @Required String title, String description) {}
