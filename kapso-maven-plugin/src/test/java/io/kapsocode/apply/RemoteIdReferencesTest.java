package io.kapsocode.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kapsocode.client.KapsoClient;
import io.kapsocode.model.Node;
import io.kapsocode.model.Project;
import io.kapsocode.model.node.AgentConfig;
import io.kapsocode.model.node.AgentFunctionTool;
import io.kapsocode.model.node.CallConfig;
import io.kapsocode.model.node.FunctionConfig;
import io.kapsocode.model.node.NodeConfig;
import io.kapsocode.plan.Plan;
import io.kapsocode.plan.UnresolvedReferenceException;
import io.kapsocode.testkit.KapsoEmulator;
import io.kapsocode.testkit.KapsoEmulatorExtension;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Sources that name functions and workflows as GET /definition and exported projects do: by Kapso id,
 * by id beside the slug, or by the function's display name alone. Each means the same as the slug form.
 */
class RemoteIdReferencesTest {

    @RegisterExtension
    KapsoEmulatorExtension kapso = new KapsoEmulatorExtension(PlanApplyTest.KEY);

    KapsoClient client;
    Project applied;
    String functionId;
    String billingId;
    String supportId;

    @BeforeEach
    void applySlugSources(KapsoEmulator emulator) {
        client = PlanApplyTest.client(emulator);
        applied = PlanApplyTest.project("Hi!");
        assertThat(PlanApplyTest.apply(client, applied).succeeded()).isTrue();
        functionId = id(client.listFunctions(), "lookup-order");
        billingId = id(client.listWorkflows(), "billing");
        supportId = id(client.listWorkflows(), "support");
    }

    @Test
    void referencesByIdOnlyPlanAsNoChange() {
        Project byId = rewrite(applied, config -> {
            if (config instanceof FunctionConfig f) {
                return new FunctionConfig(null, functionId, null, f.saveResponseTo());
            }
            if (config instanceof CallConfig c) {
                return new CallConfig(null, billingId, c.saveErrorTo());
            }
            if (config instanceof AgentConfig a) {
                return withTool(
                        a, new AgentFunctionTool("order", "Looks up an order", null, functionId, null, inputSchema(a)));
            }
            return config;
        });

        assertThat(PlanApplyTest.plan(client, byId, PlanApplyTest.options()).hasChanges())
                .isFalse();
    }

    @Test
    void anIdBesideItsSlugAndANameAlonePlanAsNoChange() {
        Project mixed = rewrite(applied, config -> {
            if (config instanceof FunctionConfig f) {
                return new FunctionConfig("lookup-order", functionId, "ignored beside an id", f.saveResponseTo());
            }
            if (config instanceof AgentConfig a) {
                return withTool(
                        a,
                        new AgentFunctionTool(
                                "order", "Looks up an order", null, null, "Lookup order", inputSchema(a)));
            }
            return config;
        });

        assertThat(PlanApplyTest.plan(client, mixed, PlanApplyTest.options()).hasChanges())
                .isFalse();
    }

    @Test
    void anApplyOfIdSourcesWritesIdsKapsoKnowsAndConverges() {
        Project changed = rewrite(PlanApplyTest.project("Hello again!"), config -> {
            if (config instanceof CallConfig c) {
                return new CallConfig(null, billingId, c.saveErrorTo());
            }
            return config;
        });

        assertThat(PlanApplyTest.apply(client, changed).succeeded()).isTrue();
        Plan after = PlanApplyTest.plan(client, changed, PlanApplyTest.options());
        assertThat(after.hasChanges()).isFalse();
        assertThat(client.getWorkflowDefinition(supportId).toString()).contains(billingId);
    }

    @Test
    void anIdAndASlugThatDisagreeStopThePlan() {
        Project disagree = rewrite(applied, config -> {
            if (config instanceof CallConfig c) {
                return new CallConfig("billing", supportId, c.saveErrorTo());
            }
            return config;
        });

        assertThatThrownBy(() -> PlanApplyTest.plan(client, disagree, PlanApplyTest.options()))
                .isInstanceOf(UnresolvedReferenceException.class)
                .hasMessageContaining("workflow 'support' node 'to_billing' calls workflow 'billing' by workflow_slug")
                .hasMessageContaining("which is workflow 'support' in Kapso; keep one of the two");
    }

    @Test
    void anUnknownIdOrNameStopsThePlanBeforeAnyWrite(KapsoEmulator emulator) {
        int writes = emulator.state().writes();
        Project unknown = rewrite(applied, config -> {
            if (config instanceof FunctionConfig f) {
                return new FunctionConfig(null, "00000000-0000-4000-8000-000000000000", null, null);
            }
            if (config instanceof AgentConfig a) {
                return withTool(a, new AgentFunctionTool("order", null, null, null, "No such function", null));
            }
            return config;
        });

        assertThatThrownBy(() -> PlanApplyTest.plan(client, unknown, PlanApplyTest.options()))
                .isInstanceOf(UnresolvedReferenceException.class)
                .hasMessageContaining("names function id '00000000-0000-4000-8000-000000000000', which is no function"
                        + " of the Kapso project")
                .hasMessageContaining("names function 'No such function' by function_name only");
        assertThat(emulator.state().writes()).isEqualTo(writes);
    }

    /** The agent with its one function tool replaced. */
    private static com.fasterxml.jackson.databind.JsonNode inputSchema(AgentConfig agent) {
        return agent.flowAgentFunctionTools().get(0).inputSchema();
    }

    private static AgentConfig withTool(AgentConfig agent, AgentFunctionTool tool) {
        try {
            RecordComponent[] components = AgentConfig.class.getRecordComponents();
            Object[] values = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                values[i] = components[i].getName().equals("flowAgentFunctionTools")
                        ? List.of(tool)
                        : components[i].getAccessor().invoke(agent);
            }
            return AgentConfig.class
                    .getDeclaredConstructor(Arrays.stream(components)
                            .map(RecordComponent::getType)
                            .toArray(Class<?>[]::new))
                    .newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Project rewrite(Project project, UnaryOperator<NodeConfig> change) {
        return ProjectEdits.mapNodes(
                project,
                n -> new Node(
                        n.id(),
                        change.apply(n.config()),
                        n.displayName(),
                        n.position(),
                        n.extraConfig(),
                        n.suppressions()));
    }

    private static String id(List<ObjectNode> resources, String slug) {
        return resources.stream()
                .filter(r -> r.path("slug").asText().equals(slug))
                .findFirst()
                .orElseThrow()
                .path("id")
                .asText();
    }
}
