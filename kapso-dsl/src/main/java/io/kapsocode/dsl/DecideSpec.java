package io.kapsocode.dsl;

import com.fasterxml.jackson.databind.JsonNode;
import io.kapsocode.diagnostic.SourceLocation;
import io.kapsocode.json.Json;
import io.kapsocode.model.DecisionType;
import io.kapsocode.model.Edge;
import io.kapsocode.model.node.Condition;
import io.kapsocode.model.node.DecideConfig;
import io.kapsocode.model.node.NodeConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Configures a {@code decide} node and its branches. A branch is opened with {@link #when(String)} and
 * is only complete once {@link Branch#goTo(String)} names its target: the decide lambda must return a
 * {@code DecideSpec}, so a branch left without a target does not compile.
 *
 * <pre>{@code
 * .decide("route", d -> d.ai("gpt-5-mini")
 *         .when("billing").describedAs("Questions about invoices").goTo("billing_agent")
 *         .when("other").goTo("human"))
 * }</pre>
 */
public final class DecideSpec extends NodeSpec<DecideSpec> {

    private DecisionType decisionType;
    private String providerModelName;
    private String providerModelId;
    private Double llmTemperature;
    private Integer llmMaxTokens;
    private String functionSlug;
    private String functionId;
    private JsonNode llmConfiguration;
    private final List<Condition> conditions = new ArrayList<>();
    private final List<String> targets = new ArrayList<>();
    private final List<SourceLocation> branchLocations = new ArrayList<>();

    DecideSpec() {}

    /** An AI decision by the named model. */
    public DecideSpec ai(String providerModelName) {
        this.decisionType = DecisionType.AI;
        this.providerModelName = providerModelName;
        return this;
    }

    /** An AI decision by the model with this remote id. */
    public DecideSpec aiModelId(String providerModelId) {
        this.decisionType = DecisionType.AI;
        this.providerModelId = providerModelId;
        return this;
    }

    /** A decision by a function answering {@code {"next_edge": "<label>"}}. */
    public DecideSpec function(String functionSlug) {
        this.decisionType = DecisionType.FUNCTION;
        this.functionSlug = functionSlug;
        return this;
    }

    /** A decision by the function with this Kapso id; prefer {@link #function(String)} with the slug. */
    public DecideSpec functionById(String functionId) {
        this.decisionType = DecisionType.FUNCTION;
        this.functionId = functionId;
        return this;
    }

    /** The sampling temperature of an AI decision (Kapso's default 0.0). */
    public DecideSpec temperature(double temperature) {
        this.llmTemperature = temperature;
        return this;
    }

    /** The token limit of an AI decision (Kapso's default 10000). */
    public DecideSpec maxTokens(int maxTokens) {
        this.llmMaxTokens = maxTokens;
        return this;
    }

    /** Further model settings, passed to Kapso as {@code llm_configuration}. */
    public DecideSpec llmConfiguration(Object configuration) {
        this.llmConfiguration = Json.valueOf(configuration);
        return this;
    }

    /** Opens the branch {@code label}; complete it with {@link Branch#goTo(String)}. */
    public Branch when(String label) {
        return new Branch(this, Objects.requireNonNull(label, "label"), null);
    }

    @Override
    NodeConfig config() {
        return new DecideConfig(
                decisionType,
                conditions,
                providerModelName,
                providerModelId,
                llmTemperature,
                llmMaxTokens,
                llmConfiguration,
                functionSlug,
                functionId,
                null);
    }

    /** Where the author wrote the {@code goTo} of branch {@code index}. */
    Optional<SourceLocation> branchLocation(int index) {
        return Optional.ofNullable(branchLocations.get(index));
    }

    List<Edge> edges(String id) {
        List<Edge> edges = new ArrayList<>();
        for (int i = 0; i < conditions.size(); i++) {
            edges.add(new Edge(id, targets.get(i), conditions.get(i).label()));
        }
        return edges;
    }

    /** A branch waiting for its target. */
    public static final class Branch {
        private final DecideSpec decide;
        private final String label;
        private final String description;

        private Branch(DecideSpec decide, String label, String description) {
            this.decide = decide;
            this.label = label;
            this.description = description;
        }

        /** What the branch means, for the model of an AI decision. */
        public Branch describedAs(String description) {
            return new Branch(decide, label, description);
        }

        /** Completes the branch: its edge leads to node {@code target}. */
        public DecideSpec goTo(String target) {
            decide.conditions.add(new Condition(label, description));
            decide.targets.add(Objects.requireNonNull(target, "target"));
            decide.branchLocations.add(CallSite.here().orElse(null));
            return decide;
        }
    }
}
