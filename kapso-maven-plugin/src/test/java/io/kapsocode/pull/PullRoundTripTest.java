package io.kapsocode.pull;

import static org.assertj.core.api.Assertions.assertThat;

import io.kapsocode.apply.Applier;
import io.kapsocode.apply.ApplyReport;
import io.kapsocode.client.ApiKey;
import io.kapsocode.client.ClientSettings;
import io.kapsocode.client.KapsoClient;
import io.kapsocode.client.RetryPolicy;
import io.kapsocode.diagnostic.Diagnostic;
import io.kapsocode.diagnostic.Diagnostics;
import io.kapsocode.dsl.Kapso;
import io.kapsocode.load.LoadedProject;
import io.kapsocode.load.ProjectLoader;
import io.kapsocode.model.FunctionDefinition;
import io.kapsocode.model.Project;
import io.kapsocode.model.Workflow;
import io.kapsocode.plan.Plan;
import io.kapsocode.plan.Planner;
import io.kapsocode.remote.RemoteProject;
import io.kapsocode.remote.RemoteReader;
import io.kapsocode.testkit.KapsoEmulator;
import io.kapsocode.testkit.KapsoEmulatorExtension;
import io.kapsocode.validate.ProjectValidator;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A Kapso project of 20 varied workflows (every node type, all trigger types, agent tools, raw nodes,
 * calls, flows) applied to the emulator, which stores it as Kapso does (JSON-string webhook fields,
 * {@code null}s, computed display names, ids for references), then pulled: in every layout the pulled
 * tree loads and validates without an error, and a plan of it against the same project is empty.
 */
class PullRoundTripTest {

    static final String KEY = "kp_pull_test_key";

    @RegisterExtension
    KapsoEmulatorExtension kapso = new KapsoEmulatorExtension(KEY);

    @TempDir
    Path work;

    static KapsoClient client(KapsoEmulator emulator) {
        return new KapsoClient(
                ClientSettings.of(emulator.baseUri(), ApiKey.of(KEY)).withRetry(RetryPolicy.defaults(), d -> {}));
    }

    /** The shared cases of kapso-dsl, its Kapso CLI tree, and the functions and flow they reference. */
    static Project seed() throws IOException {
        List<Workflow> cases = new ArrayList<>();
        try (var files = java.nio.file.Files.list(Path.of("../kapso-dsl/src/test/resources/cases"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml"))
                    // a node type Kapso does not know: validation refuses it before any apply
                    .filter(f -> !f.getFileName().toString().equals("raw-and-extras.yaml"))
                    .sorted()
                    .toList()) {
                io.kapsocode.yaml.WorkflowYamlReader.read(
                                file.toString(), java.nio.file.Files.readString(file), new Diagnostics())
                        .ifPresent(cases::add);
            }
        }
        Project cliTree = new ProjectLoader(Path.of("../kapso-dsl/src/test/resources/cli-tree"), Path.of("."))
                .load()
                .project();
        Project sample = io.kapsocode.apply.SampleProject.DEFAULT.build();
        List<Workflow> workflows = new ArrayList<>(cases);
        workflows.add(dashboardMade());
        workflows.addAll(cliTree.workflows());
        workflows.addAll(sample.workflows());
        List<FunctionDefinition> functions = new ArrayList<>(cliTree.functions());
        functions.addAll(sample.functions());
        for (String slug : List.of("update-booking", "classify-confirmation", "check-receipt")) {
            functions.add(Kapso.function(slug)
                    .name(slug)
                    .code("async function handler(request, env) { return new Response('{}'); }")
                    .build());
        }
        return new Project(oneActiveInboundTriggerPerNumber(workflows), functions, sample.whatsappFlows());
    }

    /**
     * The shared cases listen on one number; Kapso lets one workflow hold a number's active inbound
     * trigger, so the later ones are kept inactive (still pulled and compared).
     */
    static List<Workflow> oneActiveInboundTriggerPerNumber(List<Workflow> workflows) {
        java.util.Set<String> taken = new java.util.HashSet<>();
        List<Workflow> result = new ArrayList<>();
        for (Workflow w : workflows) {
            List<io.kapsocode.model.trigger.Trigger> triggers = new ArrayList<>();
            for (io.kapsocode.model.trigger.Trigger t : w.triggers()) {
                if (t instanceof io.kapsocode.model.trigger.InboundMessageTrigger inbound
                        && inbound.isActive()
                        && !taken.add(inbound.phoneNumberId())) {
                    t = new io.kapsocode.model.trigger.InboundMessageTrigger(inbound.phoneNumberId(), false);
                }
                triggers.add(t);
            }
            result.add(new Workflow(
                    w.slug(),
                    w.name(),
                    w.description(),
                    w.status(),
                    w.settings(),
                    triggers,
                    w.nodes(),
                    w.edges(),
                    w.sourceMap()));
        }
        return result;
    }

    /** Labels and a layout set in the dashboard, a webhook with headers and a body, an observer trigger. */
    static Workflow dashboardMade() {
        return Kapso.workflow("dashboard-made")
                .name("Made in the dashboard")
                .onWhatsappEvent(io.kapsocode.model.WhatsappEvent.CONVERSATION_ENDED, "1145171692021464")
                .start(12, 34)
                .setVariable(
                        "mark",
                        "ended",
                        true,
                        io.kapsocode.model.ValueType.BOOLEAN,
                        s -> s.displayName("Mark as ended").position(260, 34))
                .webhook(
                        "notify",
                        io.kapsocode.model.HttpMethod.POST,
                        "https://crm.example.com/ended",
                        w -> w.displayName("Tell the CRM")
                                .position(520, 34)
                                .header("Authorization", "Bearer ${ENV:CRM_TOKEN}")
                                .body(java.util.Map.of("conversation", "{{context.conversation_id}}")))
                .build();
    }

    @ParameterizedTest
    @EnumSource(SourceLayout.class)
    void aPulledProjectLoadsValidatesAndPlansNoChange(SourceLayout layout, KapsoEmulator emulator) throws IOException {
        KapsoClient client = client(emulator);
        Project seed = seed();
        assertThat(seed.workflows().size()).isGreaterThanOrEqualTo(20);
        assertThat(apply(client, seed).succeeded()).isTrue();

        RemoteProject remote = new RemoteReader(client, 4).read(RemoteReader.Needs.all());
        Diagnostics diagnostics = new Diagnostics();
        Project pulled = RemoteSources.of(remote, name -> true, diagnostics);
        assertThat(diagnostics.sorted()).noneMatch(Diagnostic::isError);
        PulledFiles files = PulledFiles.of(pulled, new Project(List.of(), List.of(), List.of()), layout);
        FileSync.write(work, files.files(), FileSync.compare(work, files.files()));

        LoadedProject loaded = new ProjectLoader(work, work).load(javaWorkflows(files.forJava()));
        List<Diagnostic> problems = new ArrayList<>(loaded.diagnostics());
        problems.addAll(ProjectValidator.validate(loaded.project()));
        // the shared cases share phone numbers, so the seed has project errors of its own: the pulled
        // tree has exactly those, and nothing else
        assertThat(problems.stream().filter(Diagnostic::isError).map(Diagnostic::message))
                .containsExactlyInAnyOrderElementsOf(ProjectValidator.validate(seed).stream()
                        .filter(Diagnostic::isError)
                        .map(Diagnostic::message)
                        .toList());
        assertThat(loaded.project().workflows()).hasSize(seed.workflows().size());
        // the emulator labels every node as Kapso does; only the labels authors chose come back
        List<String> labels = loaded.project().workflows().stream()
                .flatMap(w -> w.nodes().stream())
                .map(io.kapsocode.model.Node::displayName)
                .filter(java.util.Objects::nonNull)
                .toList();
        assertThat(labels).contains("Mark as ended", "Tell the CRM");
        // nothing a timeout implies is repeated as raw config in the Java class
        if (!files.forJava().isEmpty()) {
            assertThat(io.kapsocode.codegen.JavaSourceWriter.write("kapso", "PulledWorkflows", files.forJava()))
                    .doesNotContain("rawConfig(\"has_timeout\"");
        }
        // positions people placed come back; the layout the compiler filled in for the others does not
        assertThat(positioned(loaded.project(), false)).isEqualTo(positioned(seed, true));
        assertThat(labels)
                .noneMatch(label -> label.startsWith("Wait for Response")
                        || label.equals("Send Text Message")
                        || label.startsWith("Decision"));

        assertPlansNoChange(loaded.project(), client);
        assertThat(FileSync.compare(work, files.files())).allMatch(f -> f.change() == FileSync.Change.UNCHANGED);
    }

    /** A plan of {@code sources} against the client's project has not one change. */
    static void assertPlansNoChange(Project sources, KapsoClient client) {
        Plan plan = Planner.plan(
                sources,
                new RemoteReader(client, 4).read(Planner.needs(sources)),
                Planner.Options.defaults("emulator"));
        assertThat(plan.resources().stream().flatMap(r -> r.changes().stream().map(c -> r.address() + " " + c)))
                .isEmpty();
    }

    /** The workflows a pull writes as Java: the class generated, compiled with javac, loaded and run. */
    private Project javaWorkflows(List<Workflow> workflows) throws IOException {
        return javaWorkflows(work, workflows);
    }

    /** The workflows a pull writes as Java, compiled under {@code work}, loaded and run. */
    static Project javaWorkflows(Path work, List<Workflow> workflows) throws IOException {
        if (workflows.isEmpty()) {
            return new Project(List.of(), List.of(), List.of());
        }
        Path classes = work.resolve("java");
        Path file = classes.resolve("kapso/PulledWorkflows.java");
        java.nio.file.Files.createDirectories(file.getParent());
        java.nio.file.Files.writeString(
                file, io.kapsocode.codegen.JavaSourceWriter.write("kapso", "PulledWorkflows", workflows));
        int status = javax.tools.ToolProvider.getSystemJavaCompiler()
                .run(
                        null,
                        null,
                        null,
                        "-d",
                        classes.toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        file.toString());
        assertThat(status).isZero();
        try (var loader = new java.net.URLClassLoader(
                new java.net.URL[] {classes.toUri().toURL()}, PullRoundTripTest.class.getClassLoader())) {
            var definitions = (io.kapsocode.dsl.KapsoDefinitions) loader.loadClass("kapso.PulledWorkflows")
                    .getDeclaredConstructor()
                    .newInstance();
            return new Project(definitions.workflows(), List.of(), List.of());
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * {@code workflow/node} of every node with a position; with {@code ownOnly}, only those whose position
     * is not a compiler's layout.
     */
    private static java.util.Set<String> positioned(Project project, boolean ownOnly) {
        java.util.Set<String> ids = new java.util.TreeSet<>();
        for (Workflow workflow : project.workflows()) {
            for (int i = 0; i < workflow.nodes().size(); i++) {
                io.kapsocode.model.Node node = workflow.nodes().get(i);
                if (node.position() != null
                        && !(ownOnly
                                && RemoteSources.laidOutByATool(
                                        io.kapsocode.json.Json.valueOf(java.util.Map.of(
                                                "x",
                                                node.position().x(),
                                                "y",
                                                node.position().y())),
                                        node.nodeType(),
                                        i))) {
                    ids.add(workflow.slug() + "/" + node.id());
                }
            }
        }
        return ids;
    }

    static ApplyReport apply(KapsoClient client, Project project) {
        RemoteProject remote = new RemoteReader(client, 4).read(Planner.needs(project));
        return new Applier(client, new Applier.Options(Duration.ZERO, Duration.ofSeconds(5)), r -> {})
                .apply(project, remote, Planner.plan(project, remote, Planner.Options.defaults("emulator")));
    }

    @Test
    void theSeedCoversEveryNodeTypeAndEveryTriggerType() throws IOException {
        Project seed = seed();
        assertThat(seed.workflows().stream().flatMap(w -> w.nodes().stream()).map(n -> n.nodeType()))
                .contains(
                        "start",
                        "send_text",
                        "send_template",
                        "send_interactive",
                        "wait_for_response",
                        "decide",
                        "function",
                        "webhook",
                        "agent",
                        "call",
                        "handoff",
                        "set_variable",
                        "emit_event");
        assertThat(seed.workflows().stream().flatMap(w -> w.triggers().stream()).map(t -> t.triggerType()))
                .contains("inbound_message", "api_call", "whatsapp_event", "project_event");
    }
}
