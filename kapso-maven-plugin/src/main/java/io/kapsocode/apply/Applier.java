package io.kapsocode.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kapsocode.apply.StepResult.Outcome;
import io.kapsocode.client.ApiKind;
import io.kapsocode.client.KapsoApi;
import io.kapsocode.client.KapsoApiException;
import io.kapsocode.compile.DefinitionNormalizer;
import io.kapsocode.compile.WorkflowCompiler;
import io.kapsocode.json.Json;
import io.kapsocode.model.FunctionDefinition;
import io.kapsocode.model.Project;
import io.kapsocode.model.WhatsappFlow;
import io.kapsocode.model.Workflow;
import io.kapsocode.plan.Action;
import io.kapsocode.plan.FieldChange;
import io.kapsocode.plan.Functions;
import io.kapsocode.plan.Plan;
import io.kapsocode.plan.Planner;
import io.kapsocode.plan.References;
import io.kapsocode.plan.ResourceChange;
import io.kapsocode.plan.ResourceKind;
import io.kapsocode.plan.SourceReferences;
import io.kapsocode.plan.WriteForm;
import io.kapsocode.remote.RemoteProject;
import io.kapsocode.remote.RemoteWorkflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Carries out a plan, one write at a time, in an order that never lets an inbound message reach a
 * half-updated graph: functions (saved, then deployed and awaited), WhatsApp flows, deactivations, new
 * workflows, definitions callees first, trigger sets, then activations; removals last. The first failure stops
 * it; the report says what was applied, what failed and what was not tried.
 */
public final class Applier {

    /**
     * @param deployPollInterval how often a deploying function is read
     * @param deployTimeout how long a deploy may take
     */
    public record Options(Duration deployPollInterval, Duration deployTimeout) {

        public static Options defaults() {
            return new Options(Duration.ofSeconds(2), Duration.ofMinutes(3));
        }
    }

    private record Step(String name, Runnable action) {}

    private final KapsoApi client;
    private final Options options;
    private final Consumer<StepResult> progress;

    public Applier(KapsoApi client, Options options, Consumer<StepResult> progress) {
        this.client = client;
        this.options = options;
        this.progress = progress;
    }

    public ApplyReport apply(Project project, RemoteProject remote, Plan plan) {
        References refs = References.of(remote);
        Map<String, Integer> lockVersions = new HashMap<>();
        remote.details().forEach((slug, w) -> lockVersions.put(slug, w.lockVersion()));
        remote.workflows()
                .forEach(w -> lockVersions.putIfAbsent(
                        w.path("slug").asText(), w.path("lock_version").asInt()));

        List<Step> steps = new ArrayList<>();
        List<Step> removals = new ArrayList<>();
        for (ResourceChange resource : plan.resources()) {
            if (resource.kind() == ResourceKind.FUNCTION) {
                functionSteps(resource, project, refs, steps, removals);
            } else if (resource.kind() == ResourceKind.WHATSAPP_FLOW) {
                flowSteps(resource, project, refs, steps);
            }
        }
        List<ResourceChange> workflows = plan.resources().stream()
                .filter(r -> r.kind() == ResourceKind.WORKFLOW)
                .toList();
        // a workflow going out of service stops before its graph changes, one going live starts after
        for (ResourceChange resource : workflows) {
            if (deactivation(resource)) {
                steps.add(statusStep(resource, refs, lockVersions));
            }
        }
        for (ResourceChange resource : workflows) {
            if (resource.action() == Action.CREATE) {
                Workflow workflow = project.workflow(resource.key()).orElseThrow();
                steps.add(new Step("create " + resource.subject(), () -> {
                    ObjectNode body = Json.object()
                            .put("name", workflow.name() != null ? workflow.name() : workflow.slug())
                            .put("slug", workflow.slug());
                    if (workflow.description() != null) {
                        body.put("description", workflow.description());
                    }
                    ObjectNode created = client.createWorkflow(body);
                    refs.workflow(workflow.slug(), created.path("id").asText());
                    lockVersions.put(
                            workflow.slug(), created.path("lock_version").asInt());
                }));
            }
        }
        for (ResourceChange resource : workflows) {
            if (resource.action() == Action.CREATE || resource.action() == Action.UPDATE) {
                definitionStep(resource, project, remote, refs, lockVersions, steps);
            }
        }
        // workflows that give up a number's inbound trigger go first: one taking it over comes after
        List<ResourceChange> byTriggers = new ArrayList<>(workflows);
        byTriggers.sort(java.util.Comparator.comparing(r -> !freesInboundNumber(r)));
        for (ResourceChange resource : byTriggers) {
            if (resource.has("triggers")) {
                Workflow workflow = project.workflow(resource.key()).orElseThrow();
                steps.add(new Step(
                        "replace the triggers of " + resource.subject(),
                        () -> client.replaceTriggers(
                                id(refs, workflow.slug()),
                                workflow.slug(),
                                WorkflowCompiler.triggers(workflow.triggers()))));
            }
        }
        for (ResourceChange resource : workflows) {
            if (resource.has("status") && !deactivation(resource)) {
                steps.add(statusStep(resource, refs, lockVersions));
            }
        }
        steps.addAll(removals);
        return run(steps);
    }

    /** Whether the resource's trigger change leaves a number it had an active inbound trigger on. */
    static boolean freesInboundNumber(ResourceChange resource) {
        if (!resource.has("triggers")) {
            return false;
        }
        FieldChange triggers = change(resource, "triggers");
        java.util.Set<String> after = activeInboundNumbers(triggers.after());
        return activeInboundNumbers(triggers.before()).stream().anyMatch(n -> !after.contains(n));
    }

    private static java.util.Set<String> activeInboundNumbers(JsonNode triggers) {
        java.util.Set<String> numbers = new java.util.HashSet<>();
        if (triggers != null) {
            for (JsonNode trigger : triggers) {
                if (trigger.path("trigger_type").asText().equals("inbound_message")
                        && trigger.path("active").asBoolean(true)) {
                    numbers.add(trigger.path("phone_number_id").asText());
                }
            }
        }
        return numbers;
    }

    private static boolean deactivation(ResourceChange resource) {
        return resource.action() == Action.UPDATE
                && resource.has("status")
                && !"active".equals(change(resource, "status").after().asText());
    }

    private Step statusStep(ResourceChange resource, References refs, Map<String, Integer> lockVersions) {
        String status = change(resource, "status").after().asText();
        return new Step(statusVerb(status) + " " + resource.subject(), () -> {
            ObjectNode body = Json.object().put("status", status);
            body.put("lock_version", lockVersions.get(resource.key()));
            ObjectNode updated = client.updateWorkflow(id(refs, resource.key()), resource.key(), body);
            lockVersions.put(resource.key(), updated.path("lock_version").asInt());
        });
    }

    private void functionSteps(
            ResourceChange resource, Project project, References refs, List<Step> steps, List<Step> removals) {
        String slug = resource.key();
        if (resource.action() == Action.DELETE) {
            removals.add(
                    new Step("delete " + resource.subject(), () -> client.deleteFunction(resource.remoteId(), slug)));
            return;
        }
        if (resource.action() != Action.CREATE && resource.action() != Action.UPDATE) {
            return;
        }
        FunctionDefinition function = project.function(slug).orElseThrow();
        if (resource.action() == Action.CREATE) {
            steps.add(new Step("create " + resource.subject(), () -> {
                ObjectNode body = Functions.desired(function);
                body.remove("invoke_response_mode"); // not in Kapso's create schema: set by a PATCH below
                if (body.path("description").isNull()) {
                    body.remove("description");
                }
                body.put("slug", slug);
                ObjectNode created = client.createFunction(body);
                refs.function(slug, created.path("id").asText());
                if (function.invokeResponseMode() != null
                        && !function.invokeResponseMode()
                                .wire()
                                .equals(created.path("invoke_response_mode").asText())) {
                    client.updateFunction(
                            created.path("id").asText(),
                            slug,
                            Json.object()
                                    .put(
                                            "invoke_response_mode",
                                            function.invokeResponseMode().wire()));
                }
            }));
        } else if (resource.changes().stream().anyMatch(c -> !c.path().equals("deployment"))) {
            steps.add(new Step("update " + resource.subject(), () -> {
                ObjectNode desired = Functions.desired(function);
                ObjectNode body = Json.object();
                changedFields(resource)
                        .forEach(field -> body.set(
                                field, desired.path(field).isMissingNode() ? Json.valueOf(null) : desired.get(field)));
                client.updateFunction(resource.remoteId(), slug, body);
            }));
        }
        if (resource.has("deployment")) {
            steps.add(new Step(
                    "deploy " + resource.subject(),
                    () -> client.deployFunction(
                            refs.functionId(slug).orElseThrow(),
                            slug,
                            options.deployPollInterval(),
                            options.deployTimeout())));
        }
    }

    /** The top-level fields a function resource changes. */
    private static java.util.Set<String> changedFields(ResourceChange resource) {
        java.util.Set<String> fields = new java.util.LinkedHashSet<>();
        for (FieldChange change : resource.changes()) {
            if (!change.path().equals("deployment")) {
                int dot = change.path().indexOf('.');
                fields.add(dot < 0 ? change.path() : change.path().substring(0, dot));
            }
        }
        return fields;
    }

    private void flowSteps(ResourceChange resource, Project project, References refs, List<Step> steps) {
        if (resource.action() != Action.CREATE && resource.action() != Action.UPDATE) {
            return;
        }
        WhatsappFlow flow = project.whatsappFlow(resource.key()).orElseThrow();
        boolean publish = Boolean.TRUE.equals(flow.publish());
        if (resource.action() == Action.CREATE) {
            steps.add(new Step("create " + resource.subject() + (publish ? " and publish it" : ""), () -> {
                ObjectNode body = Json.object()
                        .put("phone_number_id", flow.phoneNumberId())
                        .put("name", flow.name())
                        .put("publish", publish);
                body.set("flow_json", flow.flowJson().deepCopy());
                ObjectNode created = client.createWhatsappFlow(body);
                refs.flow(flow.name(), created.path("meta_flow_id").asText());
            }));
            return;
        }
        if (resource.has("flow_json")) {
            steps.add(new Step(
                    "upload a new version of " + resource.subject(),
                    () -> client.createWhatsappFlowVersion(
                            resource.remoteId(), flow.name(), flow.flowJson().deepCopy())));
        }
        if (resource.has("status")) {
            steps.add(new Step(
                    "publish " + resource.subject(),
                    () -> client.publishWhatsappFlow(resource.remoteId(), flow.name())));
        }
    }

    private void definitionStep(
            ResourceChange resource,
            Project project,
            RemoteProject remote,
            References refs,
            Map<String, Integer> lockVersions,
            List<Step> steps) {
        Workflow workflow = project.workflow(resource.key()).orElseThrow();
        boolean definitionChanged = resource.has("nodes") || resource.has("edges");
        List<String> metadata = new ArrayList<>();
        for (String field :
                List.of("slug", "name", "description", "message_debounce_seconds", "inbound_message_read_mode")) {
            if (resource.has(field) && !(resource.action() == Action.CREATE && field.matches("name|description"))) {
                metadata.add(field);
            }
        }
        if (!definitionChanged && metadata.isEmpty()) {
            return;
        }
        JsonNode remoteDefinition = remote.workflow(workflow.slug())
                .map(RemoteWorkflow::workflow)
                .map(w -> w.path("definition"))
                .orElse(Json.object());
        JsonNode plannedMetadata = remote.workflow(workflow.slug())
                .map(RemoteWorkflow::workflow)
                .map(RemoteWorkflow::nameAndDescription)
                .orElse(null);
        steps.add(new Step((definitionChanged ? "write the definition of " : "update ") + resource.subject(), () -> {
            // without a lock version (legacy API) a read again is the only guard, for metadata too
            if (definitionChanged || (client.api() == ApiKind.LEGACY && plannedMetadata != null)) {
                unchangedSincePlanned(
                        resource, id(refs, workflow.slug()), lockVersions, remoteDefinition, plannedMetadata);
            }
            ObjectNode body = Json.object();
            for (String field : metadata) {
                JsonNode after = change(resource, field).after();
                body.set(field, after.isMissingNode() ? Json.valueOf(null) : after);
            }
            if (definitionChanged) {
                body.set(
                        "definition",
                        WriteForm.of(
                                SourceReferences.resolve(
                                        workflow.subject(),
                                        WorkflowCompiler.definition(workflow),
                                        refs,
                                        project,
                                        new ArrayList<>()),
                                refs,
                                remoteDefinition,
                                Planner.laidOut(workflow)));
            }
            int expected = lockVersions.get(workflow.slug());
            body.put("lock_version", expected);
            ObjectNode updated = client.updateWorkflow(id(refs, workflow.slug()), workflow.slug(), body);
            int now = updated.path("lock_version").asInt();
            lockVersions.put(workflow.slug(), now);
            if (definitionChanged && now > expected + 1) {
                throw new KapsoApiException(
                        KapsoApiException.Kind.CONFLICT,
                        0,
                        resource.subject() + " was written, but another writer changed it at the same time"
                                + " (lock_version " + expected + " -> " + now + "): run kapso:plan and review what"
                                + " Kapso holds now",
                        null);
            }
        }));
    }

    /**
     * Kapso may accept a definition write with a stale {@code lock_version} (contract §C.6), so before
     * each one the workflow is read again: if its version or its definition moved since it was read for
     * the plan, nothing is written and apply stops.
     */
    private void unchangedSincePlanned(
            ResourceChange resource,
            String id,
            Map<String, Integer> lockVersions,
            JsonNode plannedDefinition,
            JsonNode plannedMetadata) {
        ObjectNode current = client.getWorkflowDefinition(id);
        int expected = lockVersions.get(resource.key());
        int now = current.path("lock_version").asInt(expected);
        boolean definitionMoved = !DefinitionNormalizer.normalize(current.path("definition"))
                .equals(DefinitionNormalizer.normalize(plannedDefinition));
        boolean metadataMoved = client.api() == ApiKind.LEGACY
                && plannedMetadata != null
                && !plannedMetadata.equals(RemoteWorkflow.nameAndDescription(current));
        if (now != expected || definitionMoved || metadataMoved) {
            throw new KapsoApiException(
                    KapsoApiException.Kind.CONFLICT,
                    0,
                    resource.subject() + ": someone changed it since it was read ("
                            + (now != expected
                                    ? "lock_version " + expected + " -> " + now
                                    : definitionMoved
                                            ? "its definition differs from the one planned against"
                                            : "its name or description differs from the one planned against")
                            + "); nothing of it was written: run kapso:plan again and review",
                    null);
        }
    }

    private static FieldChange change(ResourceChange resource, String path) {
        return resource.changes().stream()
                .filter(c -> c.path().equals(path))
                .findFirst()
                .orElseThrow();
    }

    private static String id(References refs, String slug) {
        return refs.workflowId(slug).orElseThrow();
    }

    private static String statusVerb(String status) {
        return switch (status) {
            case "active" -> "activate";
            case "archived" -> "archive";
            default -> "set to " + status;
        };
    }

    private ApplyReport run(List<Step> steps) {
        List<StepResult> results = new ArrayList<>();
        boolean stopped = false;
        for (Step step : steps) {
            if (stopped) {
                results.add(new StepResult(step.name(), Outcome.NOT_APPLIED, Duration.ZERO, null));
                continue;
            }
            long start = System.nanoTime();
            StepResult result;
            try {
                step.action().run();
                result =
                        new StepResult(step.name(), Outcome.APPLIED, Duration.ofNanos(System.nanoTime() - start), null);
            } catch (KapsoApiException e) {
                Outcome outcome =
                        e.kind() == KapsoApiException.Kind.OUTCOME_UNKNOWN ? Outcome.OUTCOME_UNKNOWN : Outcome.FAILED;
                result = new StepResult(
                        step.name(), outcome, Duration.ofNanos(System.nanoTime() - start), e.getMessage());
                stopped = true;
            }
            results.add(result);
            progress.accept(result);
        }
        return new ApplyReport(results);
    }
}
