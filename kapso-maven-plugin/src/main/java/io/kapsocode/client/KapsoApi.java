package io.kapsocode.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What plan, apply, pull and the reports ask of Kapso, whichever API serves it. Resources come back in
 * the Platform API's shapes ({@code slug}, {@code definition} with snake_case keys, triggers with
 * {@code trigger_type}); {@link KapsoClient} speaks the Platform API, {@link LegacyFlowsClient} the older
 * flows API and translates. What a target cannot do is said by {@link #api()}.
 */
public interface KapsoApi {

    /** Which API this is, and so what it can do. */
    ApiKind api();

    /** Requests sent so far by method, every retry included. */
    Map<String, Integer> requestCounts();

    // ---- workflows

    List<ObjectNode> listWorkflows();

    ObjectNode getWorkflow(String id);

    /** The workflow with its {@code definition}. */
    ObjectNode getWorkflowDefinition(String id);

    /** Creates a workflow from its name, slug and description. */
    ObjectNode createWorkflow(ObjectNode workflow);

    /** Writes the given fields; {@code lock_version}, where the API has one, makes a concurrent change fail. */
    ObjectNode updateWorkflow(String id, String slug, ObjectNode changes);

    // ---- executions

    List<ObjectNode> listExecutions(String workflowId, Map<String, String> filters);

    ObjectNode startExecution(String workflowId, String slug, ObjectNode request);

    ObjectNode getExecution(String id);

    ObjectNode resumeExecution(String id, JsonNode data);

    // ---- triggers

    List<ObjectNode> listTriggers(String workflowId);

    /** Makes the workflow's triggers exactly {@code triggers}. */
    List<ObjectNode> replaceTriggers(String workflowId, String slug, ArrayNode triggers);

    ObjectNode createTrigger(String workflowId, ObjectNode trigger);

    ObjectNode setTriggerActive(String triggerId, boolean active);

    void deleteTrigger(String triggerId);

    // ---- functions

    List<ObjectNode> listFunctions();

    ObjectNode getFunction(String id);

    ObjectNode createFunction(ObjectNode function);

    ObjectNode updateFunction(String id, String slug, ObjectNode changes);

    void deleteFunction(String id, String slug);

    ObjectNode deployFunction(String id, String slug, Duration pollInterval, Duration timeout);

    List<String> listSecretNames(String functionId);

    void setSecret(String functionId, String slug, String name, String value);

    // ---- WhatsApp flows

    List<ObjectNode> listWhatsappFlows();

    ObjectNode getWhatsappFlow(String id);

    ObjectNode createWhatsappFlow(ObjectNode flow);

    List<ObjectNode> listWhatsappFlowVersions(String flowId);

    ObjectNode createWhatsappFlowVersion(String flowId, String name, JsonNode flowJson);

    Optional<ObjectNode> latestWhatsappFlowVersion(String flowId);

    ObjectNode getWhatsappFlowVersion(String flowId, String versionId);

    ObjectNode publishWhatsappFlow(String flowId, String name);

    // ---- project

    List<ObjectNode> listProviderModels();

    List<ObjectNode> listPhoneNumbers();
}
