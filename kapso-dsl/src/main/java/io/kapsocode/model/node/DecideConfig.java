package io.kapsocode.model.node;

import com.fasterxml.jackson.databind.JsonNode;
import io.kapsocode.model.DecisionType;
import io.kapsocode.model.ReadOnlyKeys;
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
 * @param functionSlug the function of a function decision, by slug
 */
@ReadOnlyKeys({"function_name", "function_id"})
public record DecideConfig(
        DecisionType decisionType,
        @Required List<Condition> conditions,
        String providerModelName,
        String providerModelId,
        Double llmTemperature,
        Integer llmMaxTokens,
        JsonNode llmConfiguration,
        String functionSlug)
        implements NodeConfig {

    public static final String TYPE = "decide";

    public DecideConfig {
        conditions = Values.list(conditions);
        llmConfiguration = Values.json(llmConfiguration);
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
