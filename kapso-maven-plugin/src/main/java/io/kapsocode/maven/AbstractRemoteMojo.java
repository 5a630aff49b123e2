package io.kapsocode.maven;

import io.kapsocode.client.ApiKey;
import io.kapsocode.client.ApiKind;
import io.kapsocode.client.ClientLog;
import io.kapsocode.client.ClientSettings;
import io.kapsocode.client.KapsoApi;
import io.kapsocode.client.KapsoApiException;
import io.kapsocode.client.KapsoClient;
import io.kapsocode.client.LegacyFlowsClient;
import io.kapsocode.json.CanonicalJson;
import io.kapsocode.json.Json;
import io.kapsocode.model.Project;
import io.kapsocode.plan.AppliedState;
import io.kapsocode.plan.InFlightReader;
import io.kapsocode.plan.Plan;
import io.kapsocode.plan.Planner;
import io.kapsocode.plan.Selection;
import io.kapsocode.plan.UnresolvedReferenceException;
import io.kapsocode.remote.DefinitionCache;
import io.kapsocode.remote.RemoteProject;
import io.kapsocode.remote.RemoteReader;
import io.kapsocode.report.PlanDiagrams;
import io.kapsocode.report.PlanJson;
import io.kapsocode.report.PlanMarkdown;
import io.kapsocode.report.PlanText;
import io.kapsocode.testkit.EmulatorSeed;
import io.kapsocode.testkit.EmulatorState;
import io.kapsocode.testkit.Fault;
import io.kapsocode.testkit.KapsoEmulator;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.Parameter;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/** What the goals that talk to Kapso share: the connection, the key, the plan and its reports. */
abstract class AbstractRemoteMojo extends AbstractKapsoMojo {

    static final String ENV_API_KEY = "KAPSO_API_KEY";

    @org.apache.maven.plugins.annotations.Parameter(defaultValue = "${session}", readonly = true, required = true)
    protected MavenSession session;

    @org.apache.maven.plugins.annotations.Parameter(defaultValue = "${settings}", readonly = true, required = true)
    protected Settings settings;

    @org.apache.maven.plugins.annotations.Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    protected PluginDescriptor plugin;

    @Component
    protected SettingsDecrypter decrypter;

    /**
     * The API root, {@code https://api.kapso.ai/platform/v1} by default ({@code https://app.kapso.ai/api/v1}
     * with {@code kapso.api=legacy}); {@code https} is required except on loopback.
     */
    @org.apache.maven.plugins.annotations.Parameter(property = "kapso.url")
    protected String url;

    /**
     * The server entry of settings.xml (by id) whose password is the project's API key (it may be
     * encrypted with {@code mvn --encrypt-password}). Without one, the {@code KAPSO_API_KEY} environment
     * variable is used. The key is never a POM parameter.
     */
    @org.apache.maven.plugins.annotations.Parameter(property = "kapso.serverId", defaultValue = "kapso")
    protected String serverId;

    /** Run against the built-in local Kapso emulator (in memory, for this build only) instead of Kapso. */
    @org.apache.maven.plugins.annotations.Parameter(property = "kapso.emulator", defaultValue = "false")
    protected boolean emulator;

    /**
     * Faults the built-in emulator injects into this execution's requests, to rehearse how a pipeline
     * handles a failed apply: {@code METHOD path-regex status}, such as
     * {@code PUT /workflows/.*&#47;triggers 500}, or {@code reset-after} instead of a status (the write
     * happens, the answer is lost). Each meets the first matching request once. Emulator only.
     */
    @org.apache.maven.plugins.annotations.Parameter(property = "kapso.emulatorFaults")
    protected List<String> emulatorFaults;

    /**
     * Fills the built-in emulator, when it starts, with the project in this folder (the Kapso CLI layout
     * as {@code kapso pull} writes it, or this tool's YAML) as if Kapso held it; the ids in its
     * {@code .kapso/remote-map.json} are kept. To rehearse what apply would do to an exported project.
     */
    @org.apache.maven.plugins.annotations.Parameter(property = "kapso.emulatorSeed")
    protected File emulatorSeed;

    /**
     * Keeps the built-in emulator's project in this file between Maven runs: read when the emulator
     * starts (then {@code kapso.emulatorSeed} is not applied again), written after each goal, so that pull,
     * plan and apply can be tried as separate commands. Function secrets are kept by name only.
     */
    @org.apache.maven.plugins.annotations.Parameter(property = "kapso.emulatorState")
    protected File emulatorState;

    /**
     * The provider models the built-in emulator offers (comma-separated names). Without it, the emulator
     * offers a few common models plus every model the sources name.
     */
    @org.apache.maven.plugins.annotations.Parameter(property = "kapso.emulatorModels")
    protected List<String> emulatorModels;

    /**
     * How the built-in emulator checks {@code lock_version}: {@code strict} (every PATCH, as Kapso's OpenAPI
     * spec says) or {@code definitions-unchecked} (a definition write passes with a stale one, as Kapso's
     * own scripts say the API behaves), to rehearse against either.
     */
    @org.apache.maven.plugins.annotations.Parameter(property = "kapso.emulatorLocking", defaultValue = "strict")
    protected String emulatorLocking;

    /** How many requests run at once while the remote project is read. */
    @org.apache.maven.plugins.annotations.Parameter(property = "kapso.concurrency", defaultValue = "8")
    protected int concurrency;

    /** Archive workflows and delete functions that are gone from the sources. */
    @org.apache.maven.plugins.annotations.Parameter(property = "kapso.prune", defaultValue = "false")
    protected boolean prune;

    /** Workflow slugs never archived, even with {@code kapso.prune}. */
    @org.apache.maven.plugins.annotations.Parameter(property = "kapso.protectedWorkflows")
    protected List<String> protectedWorkflows;

    /** Plan only these slugs or flow names (comma-separated), plus what they depend on. */
    @org.apache.maven.plugins.annotations.Parameter(property = "kapso.only")
    protected List<String> only;

    /** Leave these slugs or flow names (comma-separated) out of the plan. */
    @org.apache.maven.plugins.annotations.Parameter(property = "kapso.exclude")
    protected List<String> exclude;

    /** Where the plan, its Markdown summary and the result files are written. */
    @org.apache.maven.plugins.annotations.Parameter(
            property = "kapso.reportDirectory",
            defaultValue = "${project.build.directory}/kapso")
    protected File reportDirectory;

    /**
     * Where apply records what it applied to each target, so that a plan can tell an edit made in Kapso
     * from a change in the sources. Commit it, or keep it as a CI cache; without it changes are not
     * labelled by side.
     */
    @org.apache.maven.plugins.annotations.Parameter(
            property = "kapso.stateFile",
            defaultValue = "${project.basedir}/.kapso/applied.json")
    protected File stateFile;

    /**
     * {@code cached} (the default) takes an unchanged workflow's definition from the cache beside
     * {@code kapso.stateFile} ({@code definitions-<target>.json}, safe to delete) instead of reading it;
     * {@code full} reads every definition again.
     */
    @org.apache.maven.plugins.annotations.Parameter(property = "kapso.refresh", defaultValue = "cached")
    protected String refresh;

    /** The client of this execution, once connected, for the request counts the result file reports. */
    private KapsoApi connected;

    /** How a goal ended, as {@code <goal>-result.json} says it. */
    protected static final class GoalResult {
        /** {@code no_changes}, {@code changes}, {@code applied}, {@code failed}; {@code error} until set. */
        String outcome = "error";
        /** The summary; when still unset at a failure, the failure's message. */
        String message;
        /** What the goal adds: counts, steps. */
        final com.fasterxml.jackson.databind.node.ObjectNode details = io.kapsocode.json.Json.object();
    }

    /** A goal's work, filling in its result as it goes. */
    protected interface GoalBody {
        void run(GoalResult result) throws MojoExecutionException, MojoFailureException;
    }

    /**
     * Runs {@code body} and writes {@code <goal>-result.json} however it ends, with the requests sent: CI
     * scripts read it where Maven can only exit 0 or 1.
     */
    protected final void runRecordingResult(String goal, GoalBody body)
            throws MojoExecutionException, MojoFailureException {
        GoalResult result = new GoalResult();
        try {
            body.run(result);
        } catch (MojoFailureException | MojoExecutionException | RuntimeException e) {
            if (result.message == null) {
                result.message = e.getMessage();
            }
            throw e;
        } finally {
            saveEmulatorState();
            if (connected != null) {
                result.details.set("requests", requests(connected));
            }
            try {
                ResultFile.write(reportDirectory.toPath(), goal, result.outcome, result.message, result.details);
            } catch (IOException e) {
                getLog().warn("cannot write " + goal + "-result.json: " + e.getMessage());
            }
        }
    }

    /** {@code {"GET": 12, "writes": 0}}: requests by method and the writes among them. */
    private static com.fasterxml.jackson.databind.node.ObjectNode requests(KapsoApi client) {
        com.fasterxml.jackson.databind.node.ObjectNode counts = io.kapsocode.json.Json.object();
        int writes = 0;
        for (Map.Entry<String, Integer> entry : new java.util.TreeMap<>(client.requestCounts()).entrySet()) {
            counts.put(entry.getKey(), entry.getValue());
            writes += entry.getKey().equals("GET") ? 0 : entry.getValue();
        }
        counts.put("writes", writes);
        return counts;
    }

    /** A plan with the remote project it was made against. */
    protected record Planned(Plan plan, RemoteProject remote) {}

    /** Fails on a {@code -Dkapso.*} property no goal of this plugin knows: a typo must never go unseen. */
    protected void checkProperties() throws MojoFailureException {
        Set<String> known = new TreeSet<>();
        for (MojoDescriptor mojo : plugin.getMojos()) {
            for (Parameter parameter : mojo.getParameters() == null ? List.<Parameter>of() : mojo.getParameters()) {
                String expression = parameter.getExpression();
                if (expression != null && expression.startsWith("${kapso.")) {
                    known.add(expression.substring(2, expression.length() - 1));
                }
            }
        }
        Set<String> given = new TreeSet<>();
        session.getUserProperties().stringPropertyNames().stream()
                .filter(name -> name.startsWith("kapso."))
                .forEach(given::add);
        Set<String> unknown = new TreeSet<>(given);
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            StringBuilder message = new StringBuilder("unknown Kapso properties:");
            for (String name : unknown) {
                message.append(' ').append(name);
                io.kapsocode.diagnostic.Suggestions.closest(name, known)
                        .ifPresent(
                                s -> message.append(" (did you mean ").append(s).append("?)"));
            }
            throw new MojoFailureException(message + "; the known ones are " + known);
        }
        notForTheseGoals(given, known);
    }

    /**
     * When Maven runs only goals of this plugin ({@code mvn kapso:pull ...}), a property none of them reads
     * does nothing: {@code -Dkapso.prune=true} on a pull would be silently ignored, so it fails. With a
     * lifecycle phase on the command line, executions bound in the POM may read it, so nothing is checked.
     */
    /** Properties a goal inherits as a parameter but does not act on. */
    private static final Map<String, Set<String>> INHERITED_BUT_UNUSED = Map.of(
            "pull",
            Set.of("kapso.prune", "kapso.protectedWorkflows", "kapso.reportDirectory", "kapso.refresh"),
            "test",
            Set.of(
                    "kapso.prune",
                    "kapso.protectedWorkflows",
                    "kapso.only",
                    "kapso.exclude",
                    "kapso.stateFile",
                    "kapso.concurrency",
                    "kapso.refresh"),
            "migrate",
            Set.of(
                    "kapso.prune",
                    "kapso.protectedWorkflows",
                    "kapso.only",
                    "kapso.exclude",
                    "kapso.reportDirectory",
                    "kapso.stateFile",
                    "kapso.refresh"));

    private void notForTheseGoals(Set<String> given, Set<String> known) throws MojoFailureException {
        List<String> goals = session.getGoals();
        Set<String> readByThem = new TreeSet<>();
        for (String goal : goals) {
            String[] parts = goal.split(":");
            boolean ours = parts.length >= 2
                    && (parts[0].equals(plugin.getGoalPrefix()) || parts[0].equals(plugin.getGroupId()));
            if (!ours) {
                return;
            }
            MojoDescriptor mojo = plugin.getMojo(parts[parts.length - 1]);
            if (mojo == null || mojo.getParameters() == null) {
                return;
            }
            Set<String> unused = INHERITED_BUT_UNUSED.getOrDefault(mojo.getGoal(), Set.of());
            for (Parameter parameter : mojo.getParameters()) {
                String expression = parameter.getExpression();
                if (expression != null && expression.startsWith("${kapso.")) {
                    String name = expression.substring(2, expression.length() - 1);
                    if (!unused.contains(name)) {
                        readByThem.add(name);
                    }
                }
            }
        }
        List<String> ignored = given.stream()
                .filter(known::contains)
                .filter(name -> !readByThem.contains(name))
                .toList();
        if (!ignored.isEmpty()) {
            throw new MojoFailureException(String.join(", ", ignored) + (ignored.size() == 1 ? " does" : " do")
                    + " not apply to " + String.join(" ", goals) + "; it would be silently ignored. Remove it, or run"
                    + " the goal it belongs to");
        }
    }

    /** {@code kapso.emulatorFaults}, each met once by the first matching request. */
    private void injectFaults(KapsoEmulator running) throws MojoFailureException {
        for (String fault : selection(emulatorFaults)) {
            String[] parts = fault.trim().split("\\s+");
            if (parts.length != 3 || !parts[2].matches("[1-5][0-9][0-9]|reset-after")) {
                throw new MojoFailureException("kapso.emulatorFaults entry '" + fault
                        + "' must be 'METHOD path-regex status' (an HTTP status or reset-after), such as"
                        + " 'PATCH /workflows/.* 500'");
            }
            running.faults()
                    .injectOnce(
                            parts[0],
                            parts[1],
                            parts[2].equals("reset-after")
                                    ? Fault.resetAfter()
                                    : Fault.status(Integer.parseInt(parts[2])));
        }
    }

    protected KapsoApi client() throws MojoFailureException {
        URI base;
        ApiKey key;
        if (emulator) {
            KapsoEmulator running;
            try {
                running = EmbeddedEmulator.instance(environment, System.getenv(ENV_API_KEY), this::prepareEmulator);
            } catch (IllegalArgumentException e) {
                throw new MojoFailureException(e.getMessage());
            }
            offerModelsOfTheSources(running);
            injectFaults(running);
            base = apiKind() == ApiKind.LEGACY ? running.legacyBaseUri() : running.baseUri();
            key = ApiKey.of(EmbeddedEmulator.apiKey(environment));
            getLog().info("Kapso: the built-in local emulator at " + base + " (" + key + ")");
        } else {
            if (emulatorSeed != null
                    || emulatorState != null
                    || !selection(emulatorModels).isEmpty()) {
                throw new MojoFailureException("kapso.emulatorSeed, kapso.emulatorState and kapso.emulatorModels need"
                        + " kapso.emulator=true: they shape the built-in emulator, never a real Kapso project");
            }
            if (!selection(emulatorFaults).isEmpty()) {
                throw new MojoFailureException("kapso.emulatorFaults needs kapso.emulator=true: faults are never"
                        + " injected into a real Kapso project");
            }
            try {
                base = URI.create(url());
                key = apiKey();
            } catch (IllegalArgumentException e) {
                throw new MojoFailureException(e.getMessage());
            }
        }
        ClientSettings client;
        try {
            client = ClientSettings.of(base, key).withLog(new ClientLog() {
                @Override
                public void debug(String message) {
                    getLog().debug(message);
                }

                @Override
                public void warn(String message) {
                    getLog().warn(message);
                }
            });
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("kapso.url: " + e.getMessage());
        }
        connected = apiKind() == ApiKind.LEGACY
                ? new LegacyFlowsClient(client, legacyNames(sources), functionNames(sources))
                : new KapsoClient(client);
        return connected;
    }

    /** The API root: {@code kapso.url}, or the default of the API {@code kapso.api} names. */
    protected String url() throws MojoFailureException {
        return url(apiKind());
    }

    private String url(ApiKind kind) {
        return url == null || url.isBlank() ? kind.defaultBaseUrl() : url.strip();
    }

    /** The legacy functions API makes its own slugs: a source function is found by its name. */
    private static Map<String, String> functionNames(Project sources) {
        Map<String, String> slugs = new java.util.HashMap<>();
        sources.functions().forEach(f -> slugs.putIfAbsent(f.name() != null ? f.name() : f.slug(), f.slug()));
        return slugs;
    }

    /** On the legacy API a workflow is found by its flow's name: its legacy name, or else its name. */
    private static Map<String, String> legacyNames(Project sources) {
        Map<String, String> slugs = new java.util.HashMap<>();
        for (io.kapsocode.model.Workflow workflow : sources.workflows()) {
            String legacyName = workflow.settings().legacyName() != null
                    ? workflow.settings().legacyName()
                    : workflow.name() != null ? workflow.name() : workflow.slug();
            slugs.putIfAbsent(legacyName, workflow.slug());
        }
        return slugs;
    }

    /** Runs once, when the build's emulator starts: its state, its seed, its model catalogue. */
    private void prepareEmulator(KapsoEmulator started) {
        EmulatorState state = started.state();
        if (emulatorState != null && emulatorState.isFile()) {
            try {
                state.restore(Json.tryParse(Files.readString(emulatorState.toPath(), StandardCharsets.UTF_8))
                        .orElseThrow(() -> new IllegalArgumentException("it is not JSON")));
            } catch (IOException | RuntimeException e) {
                throw new IllegalArgumentException(
                        "cannot read the emulator state " + emulatorState + ": " + e.getMessage()
                                + "; delete it to start from an empty project",
                        e);
            }
            getLog().info("Kapso emulator: the project kept in " + emulatorState + " ("
                    + state.functions().size() + " functions)"
                    + (emulatorSeed != null
                            ? "; kapso.emulatorSeed is not applied again (delete the file to reseed)"
                            : ""));
        } else if (emulatorSeed != null) {
            List<String> seeded = EmulatorSeed.load(state, emulatorSeed.toPath());
            getLog().info("Kapso emulator: seeded from " + emulatorSeed + " with " + String.join(", ", seeded));
        }
        switch (emulatorLocking == null ? "strict" : emulatorLocking.strip()) {
            case "strict" -> state.ignoreLockVersionOnDefinitionWrites(false);
            case "definitions-unchecked" -> {
                state.ignoreLockVersionOnDefinitionWrites(true);
                getLog().info("Kapso emulator: definition writes pass with a stale lock_version"
                        + " (kapso.emulatorLocking=definitions-unchecked)");
            }
            default ->
                throw new IllegalArgumentException(
                        "kapso.emulatorLocking is '" + emulatorLocking + "'; use strict or definitions-unchecked");
        }
        if (!selection(emulatorModels).isEmpty()) {
            state.setProviderModels(selection(emulatorModels));
            getLog().info("Kapso emulator: provider models " + selection(emulatorModels) + " (kapso.emulatorModels)");
        }
    }

    /** Without kapso.emulatorModels, every model the sources name is one the emulator offers. */
    private void offerModelsOfTheSources(KapsoEmulator running) {
        if (!selection(emulatorModels).isEmpty()) {
            return;
        }
        Set<String> added = new TreeSet<>();
        for (io.kapsocode.model.Workflow workflow : sources.workflows()) {
            for (com.fasterxml.jackson.databind.JsonNode node :
                    io.kapsocode.compile.WorkflowCompiler.definition(workflow).path("nodes")) {
                com.fasterxml.jackson.databind.JsonNode model =
                        node.path("data").path("config").path("provider_model_name");
                if (model.isTextual() && !running.state().hasProviderModel(model.textValue())) {
                    running.state().addProviderModel(model.textValue());
                    added.add(model.textValue());
                }
            }
        }
        if (!added.isEmpty()) {
            getLog().info("Kapso emulator: offering the provider models " + added + " the sources name"
                    + " (kapso.emulatorModels sets the catalogue instead)");
        }
    }

    /** With kapso.emulatorState, keeps the emulator's project for the next Maven run. */
    protected void saveEmulatorState() {
        if (!emulator || emulatorState == null || !EmbeddedEmulator.running(environment)) {
            return;
        }
        try {
            Path file = emulatorState.toPath().toAbsolutePath();
            Files.createDirectories(file.getParent());
            Files.writeString(
                    file,
                    CanonicalJson.write(EmbeddedEmulator.instance(environment, null, e -> {})
                            .state()
                            .snapshot()),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            getLog().warn("cannot keep the emulator state in " + emulatorState + ": " + e.getMessage());
        }
    }

    /** The API, and the environment when one is chosen: a plan made for one never applies to another. */
    protected String target() {
        ApiKind kind;
        try {
            kind = apiKind();
        } catch (MojoFailureException e) {
            kind = ApiKind.PLATFORM; // the goal fails on it before anything is planned
        }
        String api =
                emulator ? EmbeddedEmulator.TARGET + (kind == ApiKind.LEGACY ? " (legacy flows API)" : "") : url(kind);
        return environment == null || environment.isBlank() ? api : api + " (environment " + environment.strip() + ")";
    }

    @Override
    protected boolean needsEnvironmentValues() {
        return true;
    }

    private ApiKey apiKey() throws MojoFailureException {
        Server server = settings.getServer(serverId);
        if (server != null) {
            SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
            for (SettingsProblem problem : result.getProblems()) {
                if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
                    throw new MojoFailureException("cannot decrypt the password of <server> '" + serverId
                            + "' in settings.xml: " + problem.getMessage());
                }
            }
            String password = result.getServer().getPassword();
            if (password == null || password.isBlank()) {
                throw new MojoFailureException("<server> '" + serverId + "' in settings.xml has no <password>:"
                        + " put the Kapso project API key there");
            }
            ApiKey key = ApiKey.of(password);
            getLog().info("Kapso API key from settings.xml <server> '" + serverId + "' (" + key + ")");
            return key;
        }
        String fromEnvironment = System.getenv(ENV_API_KEY);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            ApiKey key = ApiKey.of(fromEnvironment);
            getLog().info("Kapso API key from " + ENV_API_KEY + " (" + key + ")");
            return key;
        }
        throw new MojoFailureException("no Kapso API key: set the " + ENV_API_KEY + " environment variable, or add"
                + " <server><id>" + serverId + "</id><password>your key</password></server> to settings.xml"
                + " (-Dkapso.serverId names another server); to try the tool without an account, add"
                + " -Dkapso.emulator=true");
    }

    /** Reads the remote project and plans the sources against it. */
    protected Planned plan(Project project, KapsoApi client) throws MojoExecutionException, MojoFailureException {
        Planner.Options options = new Planner.Options(
                target(),
                prune,
                Set.copyOf(selection(protectedWorkflows)),
                new Selection(Set.copyOf(selection(only)), Set.copyOf(selection(exclude))));
        long start = System.nanoTime();
        try {
            // the legacy API has no lock version to key cached definitions by
            DefinitionCache cache = apiKind() == ApiKind.LEGACY ? DefinitionCache.none() : definitionCache();
            RemoteProject remote = new RemoteReader(client, concurrency, cache).read(Planner.needs(project));
            saveDefinitionCache(cache, remote);
            checkSelection(project, remote);
            Plan plan = InFlightReader.read(
                    Planner.plan(
                            project,
                            remote,
                            options.withApplied(appliedState())
                                    .withJavaLoaded(!fromJava.isEmpty())
                                    .withApi(apiKind())),
                    project,
                    remote,
                    client,
                    concurrency);
            getLog().info("Read the Kapso project in " + millis(start) + " ms"
                    + (cache.hits() > 0
                            ? " (" + count(cache.hits(), "unchanged definition") + " from the cache)"
                            : ""));
            return new Planned(plan, remote);
        } catch (UnresolvedReferenceException e) {
            e.problems().forEach(problem -> getLog().error(problem));
            throw new MojoFailureException("the sources reference what exists neither in them nor in Kapso ("
                    + count(e.problems().size(), "problem") + " above); nothing was written");
        } catch (KapsoApiException e) {
            throw remoteFailure(e);
        }
    }

    /** The definitions last read from this target, beside {@code kapso.stateFile}. */
    protected DefinitionCache definitionCache() throws MojoFailureException {
        String mode = refresh == null ? "cached" : refresh.strip();
        if (!mode.equals("cached") && !mode.equals("full")) {
            throw new MojoFailureException("kapso.refresh is '" + refresh + "'; use cached or full");
        }
        String key = Planner.hash(Json.text(target()));
        return DefinitionCache.open(
                stateFile.toPath().toAbsolutePath().resolveSibling("definitions-" + key + ".json"),
                target(),
                mode.equals("full"));
    }

    private void saveDefinitionCache(DefinitionCache cache, RemoteProject remote) {
        Set<String> listed = new TreeSet<>();
        remote.workflows().forEach(w -> listed.add(w.path("id").asText()));
        try {
            cache.save(listed);
        } catch (IOException e) {
            getLog().warn("cannot keep the definitions read in a cache beside " + stateFile + ": " + e.getMessage()
                    + "; the next plan reads them again");
        }
    }

    /** What the last apply to this target recorded in {@code kapso.stateFile}. */
    protected AppliedState appliedState() {
        return AppliedState.read(stateFile.toPath(), target());
    }

    /** A name in {@code kapso.only} or {@code kapso.exclude} that matches nothing is a typo: it fails. */
    protected void checkSelection(Project project, RemoteProject remote) throws MojoFailureException {
        Set<String> names = new TreeSet<>();
        project.workflows().forEach(w -> names.add(w.slug()));
        project.functions().forEach(f -> names.add(f.slug()));
        project.whatsappFlows().forEach(f -> names.add(f.name()));
        remote.workflows().forEach(w -> names.add(w.path("slug").asText()));
        names.addAll(remote.functions().keySet());
        names.addAll(remote.flows().keySet());
        List<String> unknown = new java.util.ArrayList<>();
        for (String name : concat(selection(only), selection(exclude))) {
            if (!names.contains(name)) {
                unknown.add("'" + name + "'"
                        + io.kapsocode.diagnostic.Suggestions.closest(name, names)
                                .map(s -> " (did you mean '" + s + "'?)")
                                .orElse(""));
            }
        }
        if (!unknown.isEmpty()) {
            throw new MojoFailureException("kapso.only/kapso.exclude name what is neither in the sources nor in"
                    + " Kapso: " + String.join(", ", unknown));
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    protected static MojoFailureException remoteFailure(KapsoApiException e) {
        return new MojoFailureException(e.getMessage());
    }

    /** Prints the plan and writes {@code plan.json} and {@code plan.md}, and the GitHub step summary. */
    protected void report(Plan plan, Project sources) throws MojoExecutionException {
        for (String line : PlanText.lines(plan, colour())) {
            getLog().info(line);
        }
        Path directory = reportDirectory.toPath();
        try {
            Files.createDirectories(directory);
            Files.writeString(
                    directory.resolve("plan.json"), CanonicalJson.write(PlanJson.write(plan)), StandardCharsets.UTF_8);
            String markdown = PlanMarkdown.render(plan, PlanMarkdown.DEFAULT_MAX_CHARS, PlanDiagrams.of(plan, sources));
            Files.writeString(directory.resolve("plan.md"), markdown, StandardCharsets.UTF_8);
            String summary = System.getenv("GITHUB_STEP_SUMMARY");
            if (summary != null && !summary.isBlank()) {
                Files.writeString(
                        Path.of(summary),
                        markdown + "\n",
                        StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            }
        } catch (IOException e) {
            throw new MojoExecutionException("cannot write the plan to " + directory + ": " + e.getMessage(), e);
        }
    }

    private boolean colour() {
        return session.getRequest().isInteractiveMode()
                && System.console() != null
                && System.getenv("NO_COLOR") == null;
    }

    protected static long millis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    /** A comma-separated list property, trimmed, without empty entries. */
    protected static List<String> selection(List<String> values) {
        return values == null
                ? List.of()
                : values.stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
    }
}
