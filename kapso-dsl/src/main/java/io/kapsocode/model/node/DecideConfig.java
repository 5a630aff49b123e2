package io.kapsocode.model.node;

import com.fasterxml.jackson.databind.JsonNode;
import io.kapsocode.model.DecisionType;
import io.kapsocode.model.Required;
import io.kapsocode.model.Values;
import java.util.List;

/**
 * A {@code decide} node: an AI model or a function picks one of the conditions, and execution follows
 * the outgoing edge with that label.
 *
 * @param decisionType {@code ai} (Kapso's default) or {@code function}
 * @param conditions ordered branches; an unknown answer falls back to the first
 * @param providerModelName model of an AI decision, by name
 * @param providerModelId model of an AI decision, by remote id
 * @param llmTemperature sampling temperature (Kapso's default 0.0)
 * @param llmMaxTokens token limit (Kapso's default 10000)
 * @param llmConfiguration extra model configuration
 * @param functionSlug the function of a function decision, by slug (portable)
 * @param functionId the function of a function decision, by Kapso id
 * @param functionName the function by display name, only when neither slug nor id is given
 */
public record DecideConfig(
        DecisionType decisionType,
        @Required List<Condition> conditions,
        String providerModelName,
        String providerModelId,
        Double llmTemperature,
        Integer llmMaxTokens,
        JsonNode llmConfiguration,
        String functionSlug,
        String functionId,
        String functionName)
        implements NodeConfig {

    public static final String TYPE = "decide";

    public DecideConfig {
        conditions = Values.list(conditions);
        llmConfiguration = Values.json(llmConfiguration);
        functionName = FunctionReference.nameOnlyAlone(functionSlug, functionId, functionName);
    }

    public DecideConfig(
            DecisionType decisionType,
            List<Condition> conditions,
            String providerModelName,
            String providerModelId,
            Double llmTemperature,
            Integer llmMaxTokens,
            JsonNode llmConfiguration,
            String functionSlug) {
        this(
                decisionType,
                conditions,
                providerModelName,
                providerModelId,
                llmTemperature,
                llmMaxTokens,
                llmConfiguration,
                functionSlug,
                null,
                null);
    }

    /** Whether it names its function in any form: slug, id or name. */
    public boolean namesFunction() {
        return !(blank(functionSlug) && blank(functionId) && blank(functionName));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    @Override
    public String nodeType() {
        return TYPE;
    }

    /** The condition labels, in order. */
    public List<String> labels() {
        return conditions.stream().map(Condition::label).toList();
    }
}
