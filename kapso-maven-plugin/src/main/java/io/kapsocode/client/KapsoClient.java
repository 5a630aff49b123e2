package io.kapsocode.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kapsocode.client.KapsoApiException.Kind;
import io.kapsocode.json.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Kapso Platform API calls this tool makes, one method per endpoint, with Kapso's envelopes
 * ({@code {"workflow": ...}} in, {@code {"data": ...}} out) and its three list styles (none, page-based,
 * cursor) handled here. Resources are returned as JSON objects, exactly as Kapso sent them; mapping
 * them to the model is the planner's job.
 */
public final class KapsoClient implements KapsoApi {

    /** Page size for page-based and cursor lists. */
    static final int PAGE_SIZE = 100;

    /** A list longer than this many pages is taken for a server that never says "last page". */
    static final int MAX_PAGES = 10_000;

    private final ApiTransport transport;
    private final Sleeper sleeper;

    public KapsoClient(ClientSettings settings) {
        this.transport = new ApiTransport(settings);
        this.sleeper = settings.sleeper();
    }

    /** Requests sent so far by method, every retry included. */
    @Override
    public Map<String, Integer> requestCounts() {
        return transport.requestCounts();
    }

    @Override
    public ApiKind api() {
        return ApiKind.PLATFORM;
    }

    // ---- workflows

    @Override
    public List<ObjectNode> listWorkflows() {
        return unpagedList("listing workflows", "/workflows");
    }

    @Override
    public ObjectNode getWorkflow(String id) {
        return data(
                "reading workflow " + id,
                transport.call("reading workflow " + id, "GET", "/workflows/" + id, null, null));
    }

    /** The workflow with its {@code definition} (GET /workflows/{id}/definition). */
    @Override
    public ObjectNode getWorkflowDefinition(String id) {
        String operation = "reading the definition of workflow " + id;
        return data(operation, transport.call(operation, "GET", "/workflows/" + id + "/definition", null, null));
    }

    /** POST /workflows; {@code workflow} holds name, slug, description, definition. */
    @Override
    public ObjectNode createWorkflow(ObjectNode workflow) {
        String operation = "creating workflow '"
                + workflow.path("slug").asText(workflow.path("name").asText()) + "'";
        return data(operation, transport.call(operation, "POST", "/workflows", null, envelope("workflow", workflow)));
    }

    /** PATCH /workflows/{id}; send {@code lock_version} so that a concurrent change answers 409. */
    @Override
    public ObjectNode updateWorkflow(String id, String slug, ObjectNode changes) {
        String operation = "updating workflow '" + slug + "'";
        return data(
                operation, transport.call(operation, "PATCH", "/workflows/" + id, null, envelope("workflow", changes)));
    }

    @Override
    public List<ObjectNode> listExecutions(String workflowId, Map<String, String> filters) {
        Map<String, Object> query = new LinkedHashMap<>(filters);
        return cursorList(
                "listing executions of workflow " + workflowId, "/workflows/" + workflowId + "/executions", query);
    }

    /**
     * POST /workflows/{id}/executions: starts an execution (Kapso runs it in the background).
     *
     * @param request {@code phone_number} or {@code recipient}, {@code variables}, {@code context}
     * @return {@code {message, workflow_id, id, tracking_id}}
     */
    @Override
    public ObjectNode startExecution(String workflowId, String slug, ObjectNode request) {
        String operation = "starting an execution of workflow '" + slug + "'";
        return data(
                operation,
                transport.call(
                        operation,
                        "POST",
                        "/workflows/" + workflowId + "/executions",
                        null,
                        envelope("workflow_execution", request)));
    }

    /** GET /workflow_executions/{id}: status, current step, {@code execution_context} and events. */
    @Override
    public ObjectNode getExecution(String id) {
        String operation = "reading execution " + id;
        return data(operation, transport.call(operation, "GET", "/workflow_executions/" + id, null, null));
    }

    /**
     * POST /workflow_executions/{id}/resume: the input goes to the deepest waiting execution of the chain.
     *
     * @param data the text, or JSON for a button or a form
     * @return the execution that received it, with {@code requested_execution_id}
     */
    @Override
    public ObjectNode resumeExecution(String id, JsonNode data) {
        String operation = "resuming execution " + id;
        ObjectNode body = Json.object();
        body.putObject("message").put("kind", "payload").set("data", data);
        return data(operation, transport.call(operation, "POST", "/workflow_executions/" + id + "/resume", null, body));
    }

    // ---- triggers

    @Override
    public List<ObjectNode> listTriggers(String workflowId) {
        return unpagedList("listing triggers of workflow " + workflowId, "/workflows/" + workflowId + "/triggers");
    }

    /** PUT /workflows/{id}/triggers: Kapso replaces the whole set in one transaction. */
    @Override
    public List<ObjectNode> replaceTriggers(String workflowId, String slug, ArrayNode triggers) {
        String operation = "replacing the triggers of workflow '" + slug + "'";
        ObjectNode body = Json.object();
        body.set("triggers", triggers);
        return items(operation, transport.call(operation, "PUT", "/workflows/" + workflowId + "/triggers", null, body));
    }

    @Override
    public ObjectNode createTrigger(String workflowId, ObjectNode trigger) {
        String operation = "adding the " + trigger.path("trigger_type").asText() + " trigger of workflow " + workflowId;
        return data(
                operation,
                transport.call(
                        operation,
                        "POST",
                        "/workflows/" + workflowId + "/triggers",
                        null,
                        envelope("trigger", trigger)));
    }

    @Override
    public ObjectNode setTriggerActive(String triggerId, boolean active) {
        String operation = (active ? "activating" : "deactivating") + " trigger " + triggerId;
        ObjectNode trigger = Json.object().put("active", active);
        return data(
                operation,
                transport.call(operation, "PATCH", "/triggers/" + triggerId, null, envelope("trigger", trigger)));
    }

    @Override
    public void deleteTrigger(String triggerId) {
        transport.call("deleting trigger " + triggerId, "DELETE", "/triggers/" + triggerId, null, null);
    }

    // ---- functions

    @Override
    public List<ObjectNode> listFunctions() {
        return unpagedList("listing functions", "/functions");
    }

    @Override
    public ObjectNode getFunction(String id) {
        return data(
                "reading function " + id,
                transport.call("reading function " + id, "GET", "/functions/" + id, null, null));
    }

    @Override
    public ObjectNode createFunction(ObjectNode function) {
        String operation = "creating function '" + function.path("slug").asText() + "'";
        return data(operation, transport.call(operation, "POST", "/functions", null, envelope("function", function)));
    }

    @Override
    public ObjectNode updateFunction(String id, String slug, ObjectNode changes) {
        String operation = "updating function '" + slug + "'";
        return data(
                operation, transport.call(operation, "PATCH", "/functions/" + id, null, envelope("function", changes)));
    }

    /** DELETE /functions/{id}: Kapso deletes its secrets with it. */
    @Override
    public void deleteFunction(String id, String slug) {
        SharedFunctionCalls.delete(transport, id, slug);
    }

    /**
     * POST /functions/{id}/deploy, then polls GET /functions/{id} until the deploy has ended: status
     * {@code error}, or {@code deployed} with a new {@code version} or {@code last_deployed_at} (a
     * function deployed before still reads {@code deployed} while its new deploy runs).
     *
     * @return the function as last read
     * @throws KapsoApiException of kind {@link Kind#INVALID} when the deploy ends in {@code error}, or
     *     {@link Kind#UNREACHABLE} when it is still deploying at {@code timeout}
     */
    @Override
    public ObjectNode deployFunction(String id, String slug, Duration pollInterval, Duration timeout) {
        return SharedFunctionCalls.deploy(transport, id, slug, () -> getFunction(id), pollInterval, timeout, sleeper);
    }

    /** The names of a function's secrets; Kapso never returns their values. */
    @Override
    public List<String> listSecretNames(String functionId) {
        List<String> names = new ArrayList<>();
        unpagedList("listing secrets of function " + functionId, "/functions/" + functionId + "/secrets")
                .forEach(secret -> names.add(secret.path("name").asText()));
        return names;
    }

    /** Sets one secret; the value is registered with the redactor first, so no message can show it. */
    @Override
    public void setSecret(String functionId, String slug, String name, String value) {
        SharedFunctionCalls.setSecret(transport, functionId, slug, name, value);
    }

    // ---- WhatsApp flows (no request envelope)

    @Override
    public List<ObjectNode> listWhatsappFlows() {
        return pagedList("listing WhatsApp flows", "/whatsapp/flows", new LinkedHashMap<>());
    }

    @Override
    public ObjectNode getWhatsappFlow(String id) {
        String operation = "reading WhatsApp flow " + id;
        return data(operation, transport.call(operation, "GET", "/whatsapp/flows/" + id, null, null));
    }

    /** POST /whatsapp/flows with {@code phone_number_id}, {@code name}, {@code flow_json}, {@code publish}. */
    @Override
    public ObjectNode createWhatsappFlow(ObjectNode flow) {
        String operation = "creating WhatsApp flow '" + flow.path("name").asText() + "'";
        return data(operation, transport.call(operation, "POST", "/whatsapp/flows", null, flow));
    }

    @Override
    public List<ObjectNode> listWhatsappFlowVersions(String flowId) {
        return pagedList(
                "listing versions of WhatsApp flow " + flowId,
                "/whatsapp/flows/" + flowId + "/versions",
                new LinkedHashMap<>());
    }

    @Override
    public ObjectNode createWhatsappFlowVersion(String flowId, String name, JsonNode flowJson) {
        String operation = "uploading a new version of WhatsApp flow '" + name + "'";
        ObjectNode body = Json.object();
        body.set("flow_json", flowJson);
        return data(
                operation, transport.call(operation, "POST", "/whatsapp/flows/" + flowId + "/versions", null, body));
    }

    /** The newest version's summary (Kapso lists versions newest first), if the flow has one. */
    @Override
    public java.util.Optional<ObjectNode> latestWhatsappFlowVersion(String flowId) {
        String operation = "reading the latest version of WhatsApp flow " + flowId;
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("page", 1);
        query.put("per_page", 1);
        List<ObjectNode> newest = items(
                operation, transport.call(operation, "GET", "/whatsapp/flows/" + flowId + "/versions", query, null));
        return newest.stream().findFirst();
    }

    /** One version with its {@code flow_json}. */
    @Override
    public ObjectNode getWhatsappFlowVersion(String flowId, String versionId) {
        String operation = "reading version " + versionId + " of WhatsApp flow " + flowId;
        return data(
                operation,
                transport.call(operation, "GET", "/whatsapp/flows/" + flowId + "/versions/" + versionId, null, null));
    }

    @Override
    public ObjectNode publishWhatsappFlow(String flowId, String name) {
        String operation = "publishing WhatsApp flow '" + name + "'";
        return data(
                operation,
                transport.call(operation, "POST", "/whatsapp/flows/" + flowId + "/publish", null, Json.object()));
    }

    // ---- lookups

    @Override
    public List<ObjectNode> listProviderModels() {
        return unpagedList("listing provider models", "/provider_models");
    }

    @Override
    public List<ObjectNode> listPhoneNumbers() {
        return pagedList("listing phone numbers", "/whatsapp/phone_numbers", new LinkedHashMap<>());
    }

    // ---- shapes

    private static ObjectNode envelope(String name, JsonNode content) {
        return Envelopes.wrap(name, content);
    }

    private List<ObjectNode> unpagedList(String operation, String path) {
        return items(operation, transport.call(operation, "GET", path, null, null));
    }

    /** Page-based lists: {@code page}/{@code per_page}, {@code meta.total_pages}. */
    private List<ObjectNode> pagedList(String operation, String path, Map<String, Object> query) {
        List<ObjectNode> all = new ArrayList<>();
        for (int page = 1; page <= MAX_PAGES; page++) {
            query.put("page", page);
            query.put("per_page", PAGE_SIZE);
            JsonNode response = transport.call(operation, "GET", path, query, null);
            List<ObjectNode> items = items(operation, response);
            all.addAll(items);
            JsonNode totalPages = response.path("meta").path("total_pages");
            boolean last = totalPages.canConvertToInt() ? page >= totalPages.intValue() : items.size() < PAGE_SIZE;
            if (last || items.isEmpty()) {
                return all;
            }
        }
        throw endless(operation);
    }

    /** Cursor lists: {@code limit}/{@code after}, {@code paging.cursors.after} (opaque). */
    private List<ObjectNode> cursorList(String operation, String path, Map<String, Object> query) {
        List<ObjectNode> all = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        query.put("limit", PAGE_SIZE);
        for (int page = 1; page <= MAX_PAGES; page++) {
            JsonNode response = transport.call(operation, "GET", path, query, null);
            all.addAll(items(operation, response));
            JsonNode paging = response.path("paging");
            // 'next' is itself a cursor; an explicit null ends the list; without it, cursors.after leads on
            JsonNode nextField = paging.path("next");
            String next = nextField.isTextual()
                    ? nextField.textValue()
                    : nextField.isNull()
                            ? null
                            : paging.path("cursors").path("after").asText(null);
            if (next == null || next.isEmpty()) {
                return all;
            }
            if (!seen.add(next)) {
                throw new KapsoApiException(
                        Kind.MALFORMED_RESPONSE,
                        200,
                        operation + ": Kapso returned the same" + " cursor twice; the list cannot be read to its end",
                        null);
            }
            query.put("after", next);
        }
        throw endless(operation);
    }

    private static KapsoApiException endless(String operation) {
        return new KapsoApiException(
                Kind.MALFORMED_RESPONSE,
                200,
                operation + ": more than " + MAX_PAGES + " pages; the list never ends",
                null);
    }

    private ObjectNode data(String operation, JsonNode response) {
        return Envelopes.data(operation, response, transport.redactor());
    }

    private List<ObjectNode> items(String operation, JsonNode response) {
        return Envelopes.items(operation, response, transport.redactor());
    }
}
