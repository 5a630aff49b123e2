package io.kapsocode.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kapsocode.client.ApiKey;
import io.kapsocode.client.ClientSettings;
import io.kapsocode.client.KapsoApiException;
import io.kapsocode.client.KapsoApiException.Kind;
import io.kapsocode.client.KapsoClient;
import io.kapsocode.client.RetryPolicy;
import io.kapsocode.client.Sleeper;
import io.kapsocode.compile.CompiledWorkflow;
import io.kapsocode.compile.WorkflowCompiler;
import io.kapsocode.dsl.Kapso;
import io.kapsocode.json.Json;
import io.kapsocode.model.HttpMethod;
import io.kapsocode.model.ValueType;
import io.kapsocode.model.WhatsappEvent;
import io.kapsocode.plan.ComparableForm;
import io.kapsocode.plan.References;
import io.kapsocode.testkit.Exchange;
import io.kapsocode.testkit.Fault;
import io.kapsocode.testkit.KapsoEmulator;
import io.kapsocode.testkit.KapsoEmulatorExtension;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The client against the local emulator: every exchange conforms to Kapso's OpenAPI spec in both
 * directions, and the emulator keeps Kapso's semantics (replace, lock_version, transactional triggers,
 * faults that leave the outcome unknown).
 */
class EmulatorContractTest {

    static final String KEY = "kp_emulator_test_key_42";

    @RegisterExtension
    static KapsoEmulatorExtension kapso = new KapsoEmulatorExtension(KEY);

    static OpenApiContract contract;

    @BeforeAll
    static void loadSpec() {
        contract = OpenApiContract.workflowsSpec().orElse(null);
    }

    static KapsoClient client(KapsoEmulator emulator, Sleeper sleeper) {
        return new KapsoClient(ClientSettings.of(emulator.baseUri(), ApiKey.of(KEY))
                .withRetry(RetryPolicy.defaults(), sleeper)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5)));
    }

    static CompiledWorkflow support() {
        return WorkflowCompiler.compile(Kapso.workflow("support")
                .name("Support")
                .onInboundMessage("1145171692021464")
                .onWhatsappEvent(WhatsappEvent.CONVERSATION_ENDED)
                .start()
                .sendText("greet", "Hi! Billing or something else?")
                .waitForResponse("ask", w -> w.timeoutSeconds(3600).saveResponseTo("topic"))
                .decide(
                        "route",
                        d -> d.ai("gpt-5-mini")
                                .when("billing")
                                .goTo("remember")
                                .when("other")
                                .goTo("human"))
                .setVariable("remember", "billing", true, ValueType.BOOLEAN)
                .webhook(
                        "crm",
                        HttpMethod.POST,
                        "https://crm.example.com/tickets",
                        h -> h.header("Content-Type", "application/json").body(Map.of("topic", "{{vars.topic}}")))
                .emitEvent("track", "support.billing")
                .handoff("human")
                .build());
    }

    /**
     * The source form of a decide node (provider_model_name, conditions without ids) is not the write
     * form the spec defines (provider_model_id, condition ids, llm_configuration): turning one into the
     * other is the planner's job, so this exchange check uses the node types whose forms agree.
     */
    static CompiledWorkflow withoutDecide() {
        return WorkflowCompiler.compile(Kapso.workflow("support")
                .name("Support")
                .onInboundMessage("1145171692021464")
                .onWhatsappEvent(WhatsappEvent.CONVERSATION_ENDED)
                .start()
                .sendText("greet", "Hi! Tell us what happened.")
                .waitForResponse("ask", w -> w.timeoutSeconds(3600).saveResponseTo("topic"))
                .setVariable("remember", "asked", true, ValueType.BOOLEAN)
                .webhook(
                        "crm",
                        HttpMethod.POST,
                        "https://crm.example.com/tickets",
                        h -> h.header("Content-Type", "application/json").body(Map.of("topic", "{{vars.topic}}")))
                .emitEvent("track", "support.ticket")
                .handoff("human")
                .build());
    }

    @Test
    void aDefinitionWrittenAndReadBackDiffersOnlyWhereKapsoSaysItWill(KapsoEmulator emulator) {
        KapsoClient client = client(emulator, d -> {});
        CompiledWorkflow local = support();
        ObjectNode create = Json.object().put("name", "Support").put("slug", "support");
        String id = client.createWorkflow(create).path("id").asText();
        ObjectNode update = Json.object().put("lock_version", 1);
        update.set("definition", local.definition());
        client.updateWorkflow(id, "support", update);

        ObjectNode remote = client.getWorkflowDefinition(id);
        JsonNode definition = remote.path("definition");

        // what Kapso adds (contract A.5): edge ids and types, condition ids, every config key with null,
        // webhook headers and body as JSON strings, computed display names
        assertThat(definition.path("edges").get(0).path("id").asText()).isNotEmpty();
        JsonNode crm = node(definition, "crm").path("data").path("config");
        assertThat(crm.path("headers").isTextual()).isTrue();
        assertThat(node(definition, "greet").path("data").path("config").has("phone_number_id"))
                .isTrue();
        assertThat(node(definition, "greet").path("data").path("display_name").asText())
                .isEqualTo("Send Text Message");

        // and nothing else: in the planner's comparable form (computed display names and the model id
        // beside the model name set aside), they are equal
        Set<String> allNodes = new HashSet<>();
        local.definition().path("nodes").forEach(n -> allNodes.add(n.path("id").asText()));
        assertThat(ComparableForm.of(definition, new References(), allNodes, Set.of()))
                .isEqualTo(ComparableForm.of(local.definition(), new References(), allNodes, Set.of()));
    }

    @Test
    void everyExchangeConformsToTheSpec(KapsoEmulator emulator) {
        assumeTrue(contract != null, "Kapso's OpenAPI spec is not at " + OpenApiContract.DIRECTORY.toAbsolutePath());
        KapsoClient client = client(emulator, d -> {});
        CompiledWorkflow local = withoutDecide();
        ObjectNode create = Json.object().put("name", "Support").put("slug", "support");
        create.set("definition", local.definition());
        String id = client.createWorkflow(create).path("id").asText();
        client.updateWorkflow(
                id, "support", Json.object().put("status", "active").put("lock_version", 1));
        client.listWorkflows();
        client.getWorkflow(id);
        client.getWorkflowDefinition(id);
        List<ObjectNode> triggers = client.replaceTriggers(id, "support", local.triggers());
        client.setTriggerActive(triggers.get(0).path("id").asText(), false);
        client.createTrigger(id, Json.object().put("trigger_type", "api_call"));
        client.listTriggers(id);
        client.deleteTrigger(triggers.get(1).path("id").asText());
        client.listExecutions(id, Map.of());
        String function = client.createFunction(Json.object()
                        .put("name", "Notify")
                        .put("slug", "notify")
                        .put("function_type", "cloudflare_worker")
                        .put("code", "async function handler(request, env) { return new Response('ok'); }"))
                .path("id")
                .asText();
        client.updateFunction(
                function,
                "notify",
                Json.object().put("description", "Tells the team").put("lock_version", 1));
        client.deployFunction(function, "notify", Duration.ZERO, Duration.ofSeconds(10));
        client.setSecret(function, "notify", "SLACK_TOKEN", "xoxb-emulated-secret");
        client.listSecretNames(function);
        client.listFunctions();
        assertThatThrownBy(() -> client.getWorkflow("missing")).isInstanceOf(KapsoApiException.class);
        assertThatThrownBy(
                        () -> client.updateWorkflow(id, "support", Json.object().put("lock_version", 1)))
                .isInstanceOf(KapsoApiException.class);

        assertThat(emulator.exchanges()).hasSizeGreaterThan(20);
        assertThat(Exchanges.problems(emulator)).isEmpty();
    }

    @Test
    void aResponseThatBreaksTheSpecIsCaught() {
        assumeTrue(contract != null, "Kapso's OpenAPI spec is not available");
        ObjectNode noSlug = Json.object();
        noSlug.putObject("data").put("id", "w1").put("name", "Support").put("status", "active");
        assertThat(contract.checkResponse("GET", "/platform/v1/workflows/w1", 200, noSlug))
                .isNotEmpty();
        assertThat(contract.checkResponse("GET", "/platform/v1/workflows/w1", 418, null))
                .isNotEmpty();
    }

    @Test
    void aStaleLockVersionIsAConflict(KapsoEmulator emulator) {
        KapsoClient client = client(emulator, d -> {});
        String id = client.createWorkflow(Json.object().put("name", "Support"))
                .path("id")
                .asText();
        client.updateWorkflow(
                id, "support", Json.object().put("description", "first").put("lock_version", 1));

        assertThatThrownBy(() -> client.updateWorkflow(
                        id,
                        "support",
                        Json.object().put("description", "second").put("lock_version", 1)))
                .isInstanceOfSatisfying(
                        KapsoApiException.class, e -> assertThat(e.kind()).isEqualTo(Kind.CONFLICT));
        assertThat(client.getWorkflow(id).path("description").asText()).isEqualTo("first");
    }

    @Test
    void anInvalidTriggerInAReplacementChangesNothing(KapsoEmulator emulator) {
        KapsoClient client = client(emulator, d -> {});
        String id = client.createWorkflow(Json.object().put("name", "Support"))
                .path("id")
                .asText();
        client.replaceTriggers(id, "support", support().triggers());
        ArrayNode broken = Json.array();
        broken.addObject().put("trigger_type", "api_call");
        broken.addObject().put("trigger_type", "whatsapp_event").put("event", "whatsapp.message.delivered");

        assertThatThrownBy(() -> client.replaceTriggers(id, "support", broken))
                .isInstanceOfSatisfying(
                        KapsoApiException.class, e -> assertThat(e.kind()).isEqualTo(Kind.INVALID));
        assertThat(client.listTriggers(id))
                .extracting(t -> t.path("trigger_type").asText())
                .containsExactly("inbound_message", "whatsapp_event");
    }

    @Test
    void omittedNodesAreDeletedOmittedEdgeListsAreKept(KapsoEmulator emulator) {
        KapsoClient client = client(emulator, d -> {});
        ObjectNode create = Json.object().put("name", "Support");
        create.set("definition", support().definition());
        String id = client.createWorkflow(create).path("id").asText();
        String edgeId = client.getWorkflowDefinition(id)
                .path("definition")
                .path("edges")
                .get(0)
                .path("id")
                .asText();

        ObjectNode onlyNodes = Json.object();
        ArrayNode nodes = onlyNodes.putArray("nodes");
        nodes.add(support().definition().path("nodes").get(0));
        nodes.add(support().definition().path("nodes").get(1));
        ObjectNode update = Json.object().put("lock_version", 1);
        update.set("definition", onlyNodes);
        client.updateWorkflow(id, "support", update);

        JsonNode after = client.getWorkflowDefinition(id).path("definition");
        assertThat(after.path("nodes")).hasSize(2);
        assertThat(after.path("edges").get(0).path("id").asText())
                .as("edges untouched")
                .isEqualTo(edgeId);
    }

    @Test
    void aWriteAppliedButUnansweredIsReportedAsUnknownAndIsApplied(KapsoEmulator emulator) {
        KapsoClient client = client(emulator, d -> {});
        String id = client.createWorkflow(Json.object().put("name", "Support"))
                .path("id")
                .asText();
        emulator.faults().injectOnce("PATCH", "/workflows/.*", Fault.resetAfter());

        assertThatThrownBy(() -> client.updateWorkflow(
                        id, "support", Json.object().put("description", "new").put("lock_version", 1)))
                .isInstanceOfSatisfying(
                        KapsoApiException.class, e -> assertThat(e.kind()).isEqualTo(Kind.OUTCOME_UNKNOWN));
        assertThat(client.getWorkflow(id).path("description").asText()).isEqualTo("new");
        assertThat(emulator.exchanges().stream().filter(e -> e.method().equals("PATCH")))
                .hasSize(1);
    }

    @Test
    void pacingKeepsALargeRunUnderTheRateLimit(KapsoEmulator emulator) {
        emulator.rateLimit(4);
        KapsoClient client = client(emulator, Sleeper.SYSTEM);
        for (int i = 0; i < 10; i++) {
            client.listWorkflows();
        }
        assertThat(emulator.exchanges()).extracting(Exchange::status).containsOnly(200);
    }

    @Test
    void pageBasedListsAndWhatsappFlowsBehaveAsKapsos(KapsoEmulator emulator) {
        for (int i = 0; i < 150; i++) {
            emulator.state().addPhoneNumber(String.valueOf(1_145_171_692_000_000L + i), "+1 555 01" + i);
        }
        emulator.state().addProviderModel("acme-finetuned");
        KapsoClient client = client(emulator, d -> {});

        assertThat(client.listPhoneNumbers()).hasSize(150);
        assertThat(emulator.exchanges())
                .filteredOn(e -> e.path().equals("/whatsapp/phone_numbers"))
                .hasSize(2);
        assertThat(client.listProviderModels())
                .extracting(m -> m.path("name").asText())
                .contains("gpt-5-mini", "acme-finetuned");

        ObjectNode flowJson = (ObjectNode) Json.tryParse("{\"version\": \"7.3\", \"screens\": [{\"id\": \"WELCOME\","
                        + " \"terminal\": true, \"layout\": {\"type\": \"SingleColumnLayout\", \"children\": []}}]}")
                .orElseThrow();
        ObjectNode create = Json.object().put("name", "signup").put("phone_number_id", "1145171692000000");
        create.set("flow_json", flowJson);
        ObjectNode flow = client.createWhatsappFlow(create);
        assertThat(flow.path("meta_flow_id").asText()).matches("\\d{16,}");
        String id = flow.path("id").asText();
        client.createWhatsappFlowVersion(id, "signup", flowJson.deepCopy().put("version", "7.2"));
        assertThat(client.publishWhatsappFlow(id, "signup").path("status").asText())
                .isEqualTo("published");
        assertThat(client.listWhatsappFlowVersions(id))
                .extracting(v -> v.path("status").asText())
                .containsExactly("published", "draft");
        assertThat(client.listWhatsappFlows()).hasSize(1);

        assertThat(Exchanges.problems(emulator)).isEmpty(); // before the deliberately invalid upload

        assertThatThrownBy(() -> client.createWhatsappFlowVersion(
                        id, "signup", Json.object().put("version", "7.3")))
                .isInstanceOfSatisfying(
                        KapsoApiException.class, e -> assertThat(e.kind()).isEqualTo(Kind.INVALID))
                .hasMessageContaining("Flow JSON needs at least one screen");
    }

    @Test
    void aWrongKeyIsRefused(KapsoEmulator emulator) {
        KapsoClient stranger = new KapsoClient(ClientSettings.of(emulator.baseUri(), ApiKey.of("kp_wrong_key_000"))
                .withRetry(RetryPolicy.none(), d -> {}));
        assertThatThrownBy(stranger::listWorkflows)
                .isInstanceOfSatisfying(
                        KapsoApiException.class, e -> assertThat(e.kind()).isEqualTo(Kind.AUTHENTICATION));
    }

    @Test
    void aPlatformAnswerThatBreaksOurSchemasIsCaught() {
        PlatformEndpointsContract platform = new PlatformEndpointsContract();
        ObjectNode flow = Json.object();
        flow.putObject("data").put("id", "f1").put("name", "signup").put("status", "draft");

        assertThat(platform.check("GET", "/whatsapp/flows/f1", null, 200, flow))
                .anyMatch(problem -> problem.contains("meta_flow_id"));
        assertThat(platform.check("POST", "/whatsapp/flows", Json.object().put("name", "x"), 201, flow))
                .anyMatch(problem -> problem.contains("phone_number_id"));
    }

    private static JsonNode node(JsonNode definition, String id) {
        for (JsonNode node : definition.path("nodes")) {
            if (node.path("id").asText().equals(id)) {
                return node;
            }
        }
        throw new AssertionError("no node " + id);
    }
}
