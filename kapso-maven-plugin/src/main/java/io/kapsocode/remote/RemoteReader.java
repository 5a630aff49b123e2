package io.kapsocode.remote;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kapsocode.client.KapsoApi;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

/**
 * Reads the remote project with as few requests as the plan needs, {@code concurrency} at a time: the
 * four lists, then one definition (unless the {@link DefinitionCache} holds it at the version the list
 * shows) and one trigger list per workflow the sources hold, a function's code
 * only when the list left it out, secret names only for functions that declare secrets, and the newest
 * version of each WhatsApp flow the sources hold.
 */
public final class RemoteReader {

    /**
     * What the sources need to be compared.
     *
     * @param workflowSlugs workflows held in the sources
     * @param functionSlugs functions held in the sources (the others are known by their list entry)
     * @param functionsWithSecrets functions whose sources declare secret names
     * @param flowNames WhatsApp flows held in the sources
     * @param flowsReferenced whether a node names a WhatsApp flow (so the flow list is needed)
     * @param modelsReferenced whether a node names a provider model (so the model list is needed)
     * @param everything read every workflow and flow in full and every secret list (for a pull)
     * @param workflowNames the name of each source workflow, by slug: a workflow Kapso holds under another
     *     slug is found by its name (sources pulled from the legacy API, whose slugs came from names)
     */
    public record Needs(
            Set<String> workflowSlugs,
            Set<String> functionSlugs,
            Set<String> functionsWithSecrets,
            Set<String> flowNames,
            boolean flowsReferenced,
            boolean modelsReferenced,
            boolean everything,
            Map<String, String> workflowNames) {

        public Needs {
            workflowNames = Map.copyOf(workflowNames);
        }

        public Needs(
                Set<String> workflowSlugs,
                Set<String> functionSlugs,
                Set<String> functionsWithSecrets,
                Set<String> flowNames,
                boolean flowsReferenced,
                boolean modelsReferenced) {
            this(
                    workflowSlugs,
                    functionSlugs,
                    functionsWithSecrets,
                    flowNames,
                    flowsReferenced,
                    modelsReferenced,
                    false,
                    Map.of());
        }

        /** Everything, as a pull needs it: ids are mapped back to names, so the model list is read too. */
        public static Needs all() {
            return new Needs(Set.of(), Set.of(), Set.of(), Set.of(), true, true, true, Map.of());
        }

        boolean function(String slug) {
            return everything || functionSlugs.contains(slug);
        }

        boolean workflow(String slug) {
            return everything || workflowSlugs.contains(slug);
        }

        boolean secrets(String slug) {
            return everything || functionsWithSecrets.contains(slug);
        }

        boolean flow(String name) {
            return everything || flowNames.contains(name);
        }
    }

    private final KapsoApi client;
    private final int concurrency;
    private final DefinitionCache cache;

    public RemoteReader(KapsoApi client, int concurrency) {
        this(client, concurrency, DefinitionCache.none());
    }

    /** Takes a definition from {@code cache} while the workflow list shows it unchanged. */
    public RemoteReader(KapsoApi client, int concurrency, DefinitionCache cache) {
        this.client = client;
        this.concurrency = Math.max(1, concurrency);
        this.cache = cache;
    }

    public RemoteProject read(Needs needs) {
        ExecutorService pool = ReadPool.open("kapso-read", concurrency);
        try {
            CompletableFuture<List<ObjectNode>> workflows = async(pool, client::listWorkflows);
            CompletableFuture<List<ObjectNode>> functions = async(pool, client::listFunctions);
            boolean flowsNeeded = needs.flowsReferenced() || !needs.flowNames().isEmpty();
            CompletableFuture<List<ObjectNode>> flows =
                    flowsNeeded ? async(pool, client::listWhatsappFlows) : CompletableFuture.completedFuture(List.of());
            CompletableFuture<List<ObjectNode>> models = needs.modelsReferenced()
                    ? async(pool, client::listProviderModels)
                    : CompletableFuture.completedFuture(List.of());

            Map<String, CompletableFuture<RemoteWorkflow>> details = new LinkedHashMap<>();
            List<ObjectNode> listed = adoptedByName(join(workflows), needs);
            for (ObjectNode summary : listed) {
                String slug = summary.path("slug").asText();
                if (needs.workflow(slug)) {
                    String id = summary.path("id").asText();
                    String slugInKapso = summary.path(SLUG_IN_KAPSO).asText(null);
                    CompletableFuture<ObjectNode> definition = cache.lookup(summary)
                            .map(CompletableFuture::completedFuture)
                            .orElseGet(() -> async(pool, () -> {
                                ObjectNode read = client.getWorkflowDefinition(id);
                                cache.remember(summary, read);
                                return read;
                            }))
                            .thenApply(read -> slugInKapso == null ? read : adopted(read, slug, slugInKapso));
                    CompletableFuture<List<ObjectNode>> triggers = async(pool, () -> client.listTriggers(id));
                    details.put(slug, definition.thenCombine(triggers, RemoteWorkflow::new));
                }
            }
            Map<String, CompletableFuture<RemoteFunction>> functionDetails = new LinkedHashMap<>();
            for (ObjectNode function : join(functions)) {
                String slug = function.path("slug").asText();
                functionDetails.put(
                        slug, async(pool, () -> function(function, needs.function(slug), needs.secrets(slug))));
            }
            Map<String, CompletableFuture<RemoteFlow>> flowDetails = new LinkedHashMap<>();
            for (ObjectNode flow : join(flows)) {
                String name = flow.path("name").asText();
                flowDetails.put(
                        name,
                        needs.flow(name)
                                ? async(pool, () -> flow(flow))
                                : CompletableFuture.completedFuture(new RemoteFlow(flow, Optional.empty())));
            }
            return new RemoteProject(
                    listed, joinAll(details), joinAll(functionDetails), joinAll(flowDetails), join(models));
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * A source workflow no listed workflow has the slug of takes the one whose name it has, if exactly one
     * does and no source claims that one's slug: the plan then renames its slug instead of creating a twin.
     * The listing is changed in memory only; {@link #SLUG_IN_KAPSO} keeps the slug Kapso has.
     */
    static List<ObjectNode> adoptedByName(List<ObjectNode> listed, Needs needs) {
        Set<String> slugs = new java.util.HashSet<>();
        listed.forEach(w -> slugs.add(w.path("slug").asText()));
        List<ObjectNode> result = new java.util.ArrayList<>(listed);
        needs.workflowNames().forEach((slug, name) -> {
            if (slugs.contains(slug) || name == null) {
                return;
            }
            List<Integer> named = new java.util.ArrayList<>();
            for (int i = 0; i < result.size(); i++) {
                ObjectNode candidate = result.get(i);
                if (name.equals(candidate.path("name").asText())
                        && !candidate.has(SLUG_IN_KAPSO)
                        && !needs.workflowSlugs()
                                .contains(candidate.path("slug").asText())) {
                    named.add(i);
                }
            }
            if (named.size() == 1) {
                result.set(
                        named.get(0),
                        adopted(
                                result.get(named.get(0)),
                                slug,
                                result.get(named.get(0)).path("slug").asText()));
            }
        });
        return result;
    }

    /** The key, in a workflow read from Kapso, of the slug Kapso has for one the sources hold under another. */
    public static final String SLUG_IN_KAPSO = "kapso_slug_in_kapso";

    private static ObjectNode adopted(ObjectNode workflow, String slug, String slugInKapso) {
        ObjectNode copy = workflow.deepCopy();
        copy.put("slug", slug);
        copy.put(SLUG_IN_KAPSO, slugInKapso);
        return copy;
    }

    private RemoteFunction function(ObjectNode listed, boolean compared, boolean withSecrets) {
        String id = listed.path("id").asText();
        ObjectNode function = listed.has("code") || !compared ? listed : client.getFunction(id);
        boolean readSecrets =
                withSecrets && "deployed".equals(function.path("status").asText());
        return new RemoteFunction(function, readSecrets ? client.listSecretNames(id) : List.of());
    }

    private RemoteFlow flow(ObjectNode flow) {
        String id = flow.path("id").asText();
        Optional<ObjectNode> latest = client.latestWhatsappFlowVersion(id)
                .map(version ->
                        client.getWhatsappFlowVersion(id, version.path("id").asText()));
        return new RemoteFlow(flow, latest);
    }

    private static <T> CompletableFuture<T> async(ExecutorService pool, Supplier<T> call) {
        return CompletableFuture.supplyAsync(call, pool);
    }

    private static <T> Map<String, T> joinAll(Map<String, CompletableFuture<T>> futures) {
        Map<String, T> values = new LinkedHashMap<>();
        futures.forEach((key, future) -> values.put(key, join(future)));
        return values;
    }

    private static <T> T join(CompletableFuture<T> future) {
        return ReadPool.join(future);
    }
}
