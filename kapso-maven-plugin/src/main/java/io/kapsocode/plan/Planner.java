package io.kapsocode.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kapsocode.client.ApiKind;
import io.kapsocode.codec.RecordCodec;
import io.kapsocode.compile.CompiledWorkflow;
import io.kapsocode.compile.ComputedLabels;
import io.kapsocode.compile.WorkflowCompiler;
import io.kapsocode.json.CanonicalJson;
import io.kapsocode.json.Json;
import io.kapsocode.model.FunctionDefinition;
import io.kapsocode.model.Node;
import io.kapsocode.model.Project;
import io.kapsocode.model.WhatsappFlow;
import io.kapsocode.model.Workflow;
import io.kapsocode.remote.RemoteFlow;
import io.kapsocode.remote.RemoteFunction;
import io.kapsocode.remote.RemoteProject;
import io.kapsocode.remote.RemoteReader;
import io.kapsocode.remote.RemoteWorkflow;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Compares the sources with the remote project and says, resource by resource and field by field, what
 * apply would change. Pure: no request, no clock.
 */
public final class Planner {

    /**
     * How the plan treats what is only remote, and which resources it covers.
     *
     * @param target the API the plan is for, recorded in the plan
     * @param prune archive workflows and delete functions that are gone from the sources
     * @param protectedWorkflows workflows never archived, even with prune
     * @param selection which resources to plan
     * @param applied what the last apply to this target left (see {@link AppliedState})
     * @param javaLoaded whether this run loaded any Java definitions: when it did not, what the last apply
     *     took from Java is never removed, since its absence may only mean that nothing compiled it
     */
    public record Options(
            String target,
            boolean prune,
            Set<String> protectedWorkflows,
            Selection selection,
            AppliedState applied,
            boolean javaLoaded,
            ApiKind api) {

        public Options {
            protectedWorkflows = Set.copyOf(protectedWorkflows);
            applied = applied == null ? AppliedState.NONE : applied;
            api = api == null ? ApiKind.PLATFORM : api;
        }

        public Options(String target, boolean prune, Set<String> protectedWorkflows, Selection selection) {
            this(target, prune, protectedWorkflows, selection, AppliedState.NONE, false, ApiKind.PLATFORM);
        }

        public static Options defaults(String target) {
            return new Options(target, false, Set.of(), Selection.ALL);
        }

        public Options withApplied(AppliedState state) {
            return new Options(target, prune, protectedWorkflows, selection, state, javaLoaded, api);
        }

        public Options withJavaLoaded(boolean loaded) {
            return new Options(target, prune, protectedWorkflows, selection, applied, loaded, api);
        }

        /** The same, for a target that speaks {@code api}. */
        public Options withApi(ApiKind api) {
            return new Options(target, prune, protectedWorkflows, selection, applied, javaLoaded, api);
        }

        /** Whether a resource gone from the sources may be removed. */
        boolean mayRemove(String address, String key) {
            return prune
                    && selection.includes(key)
                    && (javaLoaded || !applied.fromJava().contains(address));
        }
    }

    private Planner() {}

    /** What must be read remotely to plan these sources. */
    public static RemoteReader.Needs needs(Project project) {
        Set<String> references = new TreeSet<>();
        boolean modelsReferenced = false;
        for (Workflow workflow : project.workflows()) {
            ObjectNode definition = WorkflowCompiler.definition(workflow);
            references.addAll(Dependencies.of(definition));
            modelsReferenced |= Dependencies.usesModels(definition);
        }
        return new RemoteReader.Needs(
                project.workflows().stream().map(Workflow::slug).collect(Collectors.toSet()),
                project.functions().stream().map(FunctionDefinition::slug).collect(Collectors.toSet()),
                project.functions().stream()
                        .filter(f -> !f.secretNames().isEmpty())
                        .map(FunctionDefinition::slug)
                        .collect(Collectors.toSet()),
                project.whatsappFlows().stream().map(WhatsappFlow::name).collect(Collectors.toSet()),
                references.stream().anyMatch(r -> r.startsWith(Dependencies.FLOW)),
                modelsReferenced,
                false,
                project.workflows().stream()
                        .filter(w -> w.name() != null)
                        .collect(Collectors.toMap(Workflow::slug, Workflow::name, (a, b) -> a)));
    }

    /**
     * @throws UnresolvedReferenceException when a node references something that exists neither in
     *     the sources nor remotely
     */
    public static Plan plan(Project project, RemoteProject remote, Options options) {
        References refs = References.of(remote);
        // each workflow compiled once, for the reference check, the call order and the comparison
        Map<Workflow, CompiledWorkflow> compiled = new IdentityHashMap<>();
        List<String> problems = new ArrayList<>();
        project.workflows()
                .forEach(w -> compiled.put(w, bySlug(WorkflowCompiler.compile(w), w, refs, project, problems)));
        if (!problems.isEmpty()) {
            throw new UnresolvedReferenceException(problems);
        }
        checkReferences(project, remote, compiled, options.api());
        List<ResourceChange> resources = new ArrayList<>();
        Views views = new Views(options.applied().hashes());
        project.functions()
                .forEach(f -> resources.add(
                        views.label(function(f, remote.function(f.slug()).orElse(null), views))));
        for (Map.Entry<String, RemoteFunction> entry : new TreeMap<>(remote.functions()).entrySet()) {
            if (project.function(entry.getKey()).isEmpty()) {
                resources.add(remoteOnlyFunction(entry.getValue(), options));
            }
        }
        project.whatsappFlows()
                .forEach(f ->
                        resources.add(views.label(flow(f, remote.flow(f.name()).orElse(null), views))));
        for (Map.Entry<String, RemoteFlow> entry : new TreeMap<>(remote.flows()).entrySet()) {
            if (project.whatsappFlow(entry.getKey()).isEmpty()) {
                resources.add(new ResourceChange(
                        ResourceKind.WHATSAPP_FLOW,
                        entry.getKey(),
                        Action.KEEP,
                        entry.getValue().id(),
                        flowFingerprint(entry.getValue()),
                        List.of(),
                        List.of("not in the sources; Kapso's Platform API cannot delete WhatsApp flows, so it stays"),
                        List.of()));
            }
        }
        for (Workflow workflow : CallOrder.calleesFirst(
                project.workflows(), w -> Dependencies.of(compiled.get(w).definition()))) {
            resources.add(views.label(workflow(
                    workflow,
                    compiled.get(workflow),
                    remote.workflow(workflow.slug()).orElse(null),
                    refs,
                    views,
                    options.applied()
                            .projections()
                            .getOrDefault(ResourceKind.WORKFLOW.address(workflow.slug()), Projection.of(workflow)))));
        }
        remote.workflows().stream()
                .filter(w -> project.workflow(w.path("slug").asText()).isEmpty())
                .sorted(java.util.Comparator.comparing(w -> w.path("slug").asText()))
                .forEach(w -> resources.add(remoteOnlyWorkflow(w, options)));
        return new Plan(
                Plan.FORMAT_VERSION,
                options.target(),
                options.selection().apply(options.api() == ApiKind.LEGACY ? LegacyTarget.adapt(resources) : resources));
    }

    // ---- references

    /** The compiled workflow with its references by id or name turned into slugs (see {@link SourceReferences}). */
    private static CompiledWorkflow bySlug(
            CompiledWorkflow compiled, Workflow workflow, References refs, Project project, List<String> problems) {
        return new CompiledWorkflow(
                compiled.slug(),
                compiled.metadata(),
                SourceReferences.resolve(workflow.subject(), compiled.definition(), refs, project, problems),
                compiled.triggers());
    }

    /**
     * @param api the target's API: the legacy one has no model list, so a model name is written as the
     *     sources (and Kapso's own exports) give it, unchecked
     */
    private static void checkReferences(
            Project project, RemoteProject remote, Map<Workflow, CompiledWorkflow> compiled, ApiKind api) {
        List<String> problems = new ArrayList<>();
        Set<String> models = remote.providerModels().stream()
                .map(m -> m.path("name").asText())
                .collect(Collectors.toSet());
        for (Workflow workflow : project.workflows()) {
            for (String dependency : Dependencies.of(compiled.get(workflow).definition())) {
                String name = dependency.substring(dependency.indexOf(':') + 1);
                boolean known;
                String kind;
                if (dependency.startsWith(Dependencies.FUNCTION)) {
                    known = project.function(name).isPresent()
                            || remote.function(name).isPresent();
                    kind = "function";
                } else if (dependency.startsWith(Dependencies.WORKFLOW)) {
                    known = project.workflow(name).isPresent()
                            || remote.workflowSummary(name).isPresent();
                    kind = "workflow";
                } else if (dependency.startsWith(Dependencies.FLOW)) {
                    known = project.whatsappFlow(name).isPresent()
                            || remote.flow(name).isPresent();
                    kind = "WhatsApp flow";
                } else {
                    known = api == ApiKind.LEGACY || models.contains(name);
                    kind = "provider model";
                }
                if (!known) {
                    problems.add(workflow.subject() + " references " + kind + " '" + name
                            + "', which exists neither in the sources nor in the Kapso project"
                            + (kind.equals("provider model")
                                    ? " (GET /provider_models lists the names it accepts)"
                                    : "; add it to the sources or fix the name"));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new UnresolvedReferenceException(problems);
        }
    }

    // ---- functions

    private static ResourceChange function(FunctionDefinition local, RemoteFunction remote, Views views) {
        ObjectNode desired = Functions.desired(local);
        ObjectNode localView = desired.deepCopy();
        localView.remove("function_type");
        localView.set("runtime_config", orEmpty(desired.path("runtime_config")));
        localView.put("deployment", "deployed");
        views.local("function:" + local.slug(), localView);
        if (remote != null) {
            ObjectNode remoteView = Json.object();
            localView
                    .fieldNames()
                    .forEachRemaining(key -> remoteView.set(
                            key,
                            remote.function().path(key).isMissingNode()
                                    ? Json.valueOf(null)
                                    : remote.function().get(key)));
            remoteView.set("runtime_config", orEmpty(remote.function().path("runtime_config")));
            remoteView.put("deployment", remote.status());
            views.remote("function:" + local.slug(), remoteView);
        }
        List<String> notes = new ArrayList<>();
        if (remote == null) {
            List<FieldChange> changes = new ArrayList<>();
            JsonDiff.diff("", Json.object(), desired, changes);
            changes.add(new FieldChange("deployment", null, Json.text("deployed")));
            if (!local.secretNames().isEmpty()) {
                notes.add("set its secrets " + local.secretNames() + " in Kapso after the first deploy;"
                        + " their values never live in sources");
            }
            return new ResourceChange(
                    ResourceKind.FUNCTION,
                    local.slug(),
                    Action.CREATE,
                    null,
                    "absent",
                    Secrets.masked(changes),
                    notes,
                    List.of());
        }
        ObjectNode current = remote.function();
        List<FieldChange> changes = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : desired.properties()) {
            String key = field.getKey();
            if (key.equals("function_type")) {
                if (!JsonDiff.same(current.path(key), field.getValue())) {
                    notes.add("function_type is '" + current.path(key).asText()
                            + "' in Kapso and cannot change in place; delete and recreate the function to move it");
                }
                continue;
            }
            JsonNode before = key.equals("runtime_config") ? orEmpty(current.path(key)) : current.path(key);
            JsonNode after = key.equals("runtime_config") ? orEmpty(field.getValue()) : field.getValue();
            JsonDiff.diff(key, before, after, changes);
        }
        if (!"deployed".equals(remote.status())) {
            changes.add(new FieldChange("deployment", Json.text(remote.status()), Json.text("deployed")));
        } else if (changes.stream().anyMatch(c -> c.path().equals("code"))) {
            // the new code goes live only once deployed again; "deployed" -> "deployed" would read as noise
            changes.add(new FieldChange(
                    "deployment",
                    Json.text("deployed (version "
                            + remote.function().path("version").asText("?") + ")"),
                    Json.text("redeployed with the new code")));
        }
        if ("deployed".equals(remote.status())) {
            List<String> missing = local.secretNames().stream()
                    .filter(name -> !remote.secretNames().contains(name))
                    .toList();
            if (!missing.isEmpty()) {
                notes.add("secrets " + missing + " are not set in Kapso; set them there (values never live"
                        + " in sources)");
            }
        }
        return new ResourceChange(
                ResourceKind.FUNCTION,
                local.slug(),
                changes.isEmpty() ? Action.NO_CHANGE : Action.UPDATE,
                remote.id(),
                functionFingerprint(remote),
                Secrets.masked(changes),
                notes,
                List.of());
    }

    private static ResourceChange remoteOnlyFunction(RemoteFunction remote, Options options) {
        String address = ResourceKind.FUNCTION.address(remote.slug());
        boolean delete = options.mayRemove(address, remote.slug());
        return new ResourceChange(
                ResourceKind.FUNCTION,
                remote.slug(),
                delete ? Action.DELETE : Action.KEEP,
                remote.id(),
                functionFingerprint(remote),
                delete ? List.of(new FieldChange("function", Json.text(remote.slug()), null)) : List.of(),
                delete
                        ? List.of("not in the sources: deleted with its secrets (kapso.prune)")
                        : List.of(keptNote(address, options)),
                List.of());
    }

    private static JsonNode orEmpty(JsonNode value) {
        return value.isObject() && !value.isEmpty() ? value : Json.object();
    }

    static String functionFingerprint(RemoteFunction remote) {
        ObjectNode f = remote.function();
        return "lock_version=" + f.path("lock_version").asText() + ";status="
                + f.path("status").asText() + ";version=" + f.path("version").asText() + ";code="
                + hash(Json.text(f.path("code").asText()));
    }

    // ---- WhatsApp flows

    private static ResourceChange flow(WhatsappFlow local, RemoteFlow remote, Views views) {
        List<FieldChange> changes = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        boolean publish = Boolean.TRUE.equals(local.publish());
        ObjectNode localView = Json.object().put("published", publish);
        localView.set("flow_json", local.flowJson() == null ? Json.valueOf(null) : local.flowJson());
        views.local("whatsapp_flow:" + local.name(), localView);
        if (remote != null) {
            ObjectNode remoteView = Json.object().put("published", publish && remote.published());
            remoteView.set("flow_json", remote.flowJson().isMissingNode() ? Json.valueOf(null) : remote.flowJson());
            views.remote("whatsapp_flow:" + local.name(), remoteView);
        }
        if (remote == null) {
            changes.add(new FieldChange("flow_json", null, local.flowJson()));
            changes.add(new FieldChange("phone_number_id", null, Json.text(local.phoneNumberId())));
            if (publish) {
                changes.add(new FieldChange("status", null, Json.text("published")));
            }
            return new ResourceChange(
                    ResourceKind.WHATSAPP_FLOW,
                    local.name(),
                    Action.CREATE,
                    null,
                    "absent",
                    changes,
                    notes,
                    deps(local));
        }
        if (!JsonDiff.same(remote.flowJson(), local.flowJson())) {
            changes.add(new FieldChange("flow_json", remote.flowJson(), local.flowJson()));
        }
        String status = remote.flow().path("status").asText();
        boolean newVersion = !changes.isEmpty();
        if (publish && (newVersion || !remote.published())) {
            changes.add(new FieldChange("status", Json.text(status), Json.text("published")));
        }
        if (!publish && remote.published() && newVersion) {
            notes.add("the new version stays a draft until published (publish: true); Meta cannot unpublish");
        }
        if (local.phoneNumberId() != null
                && !local.phoneNumberId()
                        .equals(remote.flow().path("phone_number_id").asText(local.phoneNumberId()))) {
            notes.add("phone_number_id differs from Kapso's ("
                    + remote.flow().path("phone_number_id").asText()
                    + "); a flow cannot move to another number, create a new flow instead");
        }
        return new ResourceChange(
                ResourceKind.WHATSAPP_FLOW,
                local.name(),
                changes.isEmpty() ? Action.NO_CHANGE : Action.UPDATE,
                remote.id(),
                flowFingerprint(remote),
                changes,
                notes,
                deps(local));
    }

    private static List<String> deps(WhatsappFlow flow) {
        return flow.dataEndpointFunction() == null ? List.of() : List.of("function:" + flow.dataEndpointFunction());
    }

    static String flowFingerprint(RemoteFlow remote) {
        return "status=" + remote.flow().path("status").asText() + ";version="
                + remote.latestVersion().map(v -> v.path("id").asText()).orElse("-");
    }

    // ---- workflows

    /** @param lastApplied the projection of the last apply, through which Kapso's side is hashed */
    private static ResourceChange workflow(
            Workflow local,
            CompiledWorkflow compiled,
            RemoteWorkflow remote,
            References refs,
            Views views,
            Projection lastApplied) {
        Set<String> laidOut = laidOut(local);
        Set<String> labelled = labelled(local);
        List<String> dependsOn = new ArrayList<>(Dependencies.of(compiled.definition()));
        dependsOn.removeIf(d -> d.startsWith(Dependencies.MODEL));
        ObjectNode localDefinition = ComparableForm.of(compiled.definition(), refs, laidOut, labelled);
        ArrayNode localTriggers = Triggers.comparable(compiled.triggers());
        List<FieldChange> changes = new ArrayList<>();
        ObjectNode metadata = Workflows.metadata(local);
        String address = "workflow:" + local.slug();
        views.local(
                address,
                workflowView(
                        metadata,
                        localDefinition,
                        localTriggers,
                        local.status() == null ? null : Json.text(local.status().wire())));
        if (remote == null) {
            JsonDiff.diff("", Json.object(), metadata, changes);
            DefinitionDiff.diff(Json.object(), localDefinition, changes);
            if (!localTriggers.isEmpty()) {
                changes.add(new FieldChange("triggers", null, localTriggers));
            }
            if (local.status() != null && !"draft".equals(local.status().wire())) {
                changes.add(new FieldChange(
                        "status", Json.text("draft"), Json.text(local.status().wire())));
            }
            List<String> notes = local.status() == null
                    ? List.of("status: draft (the default; set status: active to activate it)")
                    : List.of();
            return new ResourceChange(
                    ResourceKind.WORKFLOW, local.slug(), Action.CREATE, null, "absent", changes, notes, dependsOn);
        }
        ObjectNode current = remote.workflow();
        List<String> matchNotes = new ArrayList<>();
        if (current.has(RemoteReader.SLUG_IN_KAPSO)) {
            String slugInKapso = current.get(RemoteReader.SLUG_IN_KAPSO).asText();
            changes.add(new FieldChange("slug", Json.text(slugInKapso), Json.text(local.slug())));
            matchNotes.add("matched by its name, '" + local.name() + "': Kapso has it as '" + slugInKapso
                    + "'; apply gives it the slug of the sources");
        }
        for (Map.Entry<String, JsonNode> field : metadata.properties()) {
            JsonDiff.diff(field.getKey(), current.path(field.getKey()), field.getValue(), changes);
        }
        ObjectNode remoteDefinition = ComparableForm.of(current.path("definition"), refs, laidOut, labelled);
        DefinitionDiff.diff(remoteDefinition, localDefinition, changes);
        ArrayNode remoteTriggers = Triggers.comparable(Triggers.flat(remote.triggers()));
        ObjectNode remoteMetadata = Json.object();
        metadata.fieldNames()
                .forEachRemaining(key -> remoteMetadata.set(
                        key, current.path(key).isMissingNode() ? Json.valueOf(null) : current.get(key)));
        ObjectNode remoteAsLastApplied = lastApplied.equals(new Projection(laidOut, labelled))
                ? remoteDefinition
                : ComparableForm.of(current.path("definition"), refs, lastApplied.laidOut(), lastApplied.labelled());
        views.remote(
                address,
                workflowView(
                        remoteMetadata,
                        remoteAsLastApplied,
                        remoteTriggers,
                        local.status() == null ? null : current.path("status")));
        if (!JsonDiff.same(remoteTriggers, localTriggers)) {
            changes.add(new FieldChange("triggers", remoteTriggers, localTriggers));
        }
        if (local.status() != null
                && !local.status().wire().equals(current.path("status").asText())) {
            changes.add(new FieldChange(
                    "status", current.path("status"), Json.text(local.status().wire())));
        }
        return new ResourceChange(
                ResourceKind.WORKFLOW,
                local.slug(),
                changes.isEmpty() ? Action.NO_CHANGE : Action.UPDATE,
                remote.id(),
                workflowFingerprint(remote, remoteTriggers),
                changes,
                matchNotes,
                dependsOn);
    }

    private static ObjectNode workflowView(
            ObjectNode metadata, JsonNode definition, JsonNode triggers, JsonNode status) {
        ObjectNode view = Json.object();
        view.set("metadata", metadata);
        view.set("definition", definition);
        view.set("triggers", triggers);
        view.set("status", status == null ? Json.valueOf(null) : status);
        return view;
    }

    private static ResourceChange remoteOnlyWorkflow(ObjectNode summary, Options options) {
        String slug = summary.path("slug").asText();
        String status = summary.path("status").asText();
        String fingerprint = "lock_version=" + summary.path("lock_version").asText() + ";status=" + status;
        boolean archived = "archived".equals(status);
        String note;
        Action action = Action.KEEP;
        List<FieldChange> changes = List.of();
        if (archived) {
            note = "not in the sources; already archived";
        } else if (options.protectedWorkflows().contains(slug)) {
            note = "not in the sources; protected (kapso.protectedWorkflows), so never archived";
        } else if (options.mayRemove(ResourceKind.WORKFLOW.address(slug), slug)) {
            note = "not in the sources: archived (kapso.prune)";
            action = Action.ARCHIVE;
            changes = List.of(new FieldChange("status", Json.text(status), Json.text("archived")));
        } else {
            note = keptNote(ResourceKind.WORKFLOW.address(slug), options);
        }
        return new ResourceChange(
                ResourceKind.WORKFLOW,
                slug,
                action,
                summary.path("id").asText(),
                fingerprint,
                changes,
                List.of(note),
                List.of());
    }

    /** @param triggers the remote triggers in comparable form, as the comparison computed them */
    static String workflowFingerprint(RemoteWorkflow remote, JsonNode triggers) {
        // without a lock version (the legacy API) a rename or a new description must show too
        String metadata = remote.workflow().has("lock_version")
                ? ""
                : ";metadata=" + hash(RemoteWorkflow.nameAndDescription(remote.workflow()));
        return "lock_version=" + remote.lockVersion() + ";status="
                + remote.workflow().path("status").asText() + ";definition="
                + hash(remote.workflow().path("definition")) + ";triggers=" + hash(triggers) + metadata;
    }

    private static String keptNote(String address, Options options) {
        if (options.prune()
                && !options.javaLoaded()
                && options.applied().fromJava().contains(address)) {
            return "not in the sources of this run, but the last apply took it from Java definitions and this"
                    + " run loaded none: kept; compile the project first (mvn process-classes kapso:plan)";
        }
        return "not in the sources; kept (run with -Dkapso.prune=true to remove it)";
    }

    /** Ids of the nodes whose position the sources set. */
    public static Set<String> laidOut(Workflow workflow) {
        return workflow.nodes().stream()
                .filter(n -> n.position() != null)
                .map(Node::id)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** Ids of the nodes the sources label, leaving out labels Kapso would compute anyway. */
    static Set<String> labelled(Workflow workflow) {
        return workflow.nodes().stream()
                .filter(n -> n.displayName() != null
                        && !ComputedLabels.isComputed(n.nodeType(), RecordCodec.write(n.config()), n.displayName()))
                .map(Node::id)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** The first 12 hex digits of the SHA-256 of a value's canonical JSON. */
    public static String hash(JsonNode value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(CanonicalJson.write(value).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
