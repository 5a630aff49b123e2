package io.kapsocode.model.node;

import io.kapsocode.model.ReadOnlyKeys;
import io.kapsocode.model.Required;

/**
 * A {@code function} node: invokes a Kapso function, merges its returned {@code vars} and always
 * continues on {@code next} (use a function {@code decide} to branch).
 *
 * @param functionSlug the function, by slug; resolved to its id when applied
 * @param saveResponseTo variable that receives the whole response
 */
@ReadOnlyKeys({"function_name", "function_id"})
public record FunctionConfig(@Required String functionSlug, String saveResponseTo) implements NodeConfig {

    public static final String TYPE = "function";

    @Override
    public String nodeType() {
        return TYPE;
    }
}
