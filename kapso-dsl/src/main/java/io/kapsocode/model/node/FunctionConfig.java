package io.kapsocode.model.node;

import io.kapsocode.model.RequiredOneOf;

/**
 * A {@code function} node: invokes a Kapso function, merges its returned {@code vars} and always
 * continues on {@code next} (use a function {@code decide} to branch).
 *
 * @param functionSlug the function, by slug (portable); resolved to its id when applied
 * @param functionId the function, by Kapso id, as GET /definition returns it (ties the sources to one
 *     project)
 * @param functionName the function, by its display name: only when neither slug nor id is given (beside
 *     an id it is Kapso's read-only companion, dropped)
 * @param saveResponseTo variable that receives the whole response
 */
@RequiredOneOf({"function_slug", "function_id", "function_name"})
public record FunctionConfig(String functionSlug, String functionId, String functionName, String saveResponseTo)
        implements NodeConfig {

    public static final String TYPE = "function";

    public FunctionConfig {
        functionName = FunctionReference.nameOnlyAlone(functionSlug, functionId, functionName);
    }

    public FunctionConfig(String functionSlug, String saveResponseTo) {
        this(functionSlug, null, null, saveResponseTo);
    }

    @Override
    public String nodeType() {
        return TYPE;
    }
}
