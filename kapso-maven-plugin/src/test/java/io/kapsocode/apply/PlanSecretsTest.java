package io.kapsocode.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.kapsocode.client.ApiKey;
import io.kapsocode.client.ClientSettings;
import io.kapsocode.client.CollectingLog;
import io.kapsocode.client.KapsoClient;
import io.kapsocode.client.RetryPolicy;
import io.kapsocode.dsl.Kapso;
import io.kapsocode.json.Json;
import io.kapsocode.model.Project;
import io.kapsocode.plan.Plan;
import io.kapsocode.plan.Planner;
import io.kapsocode.remote.RemoteProject;
import io.kapsocode.remote.RemoteReader;
import io.kapsocode.report.PlanJson;
import io.kapsocode.report.PlanMarkdown;
import io.kapsocode.report.PlanText;
import io.kapsocode.testkit.KapsoEmulator;
import io.kapsocode.testkit.KapsoEmulatorExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A plan and an apply at debug level, with a known API key and a credential in a function's
 * {@code runtime_config}: neither appears in any log line, plan text, plan file, Markdown or step
 * report.
 */
class PlanSecretsTest {

    static final String KEY = "kp_live_PLANLEAK_5e1d0c";
    static final String CREDENTIAL = "shop-token-PLANLEAK-77aa";

    @RegisterExtension
    KapsoEmulatorExtension kapso = new KapsoEmulatorExtension(KEY);

    @Test
    void neitherTheKeyNorARuntimeCredentialIsWrittenAnywhere(KapsoEmulator emulator) {
        List<String> written = new ArrayList<>();
        KapsoClient client = new KapsoClient(ClientSettings.of(emulator.baseUri(), ApiKey.of(KEY))
                .withRetry(RetryPolicy.defaults(), d -> {})
                .withLog(new CollectingLog(written)));
        Project project = new Project(
                List.of(Kapso.workflow("lookup")
                        .start()
                        .function("call", "shop")
                        .build()),
                List.of(Kapso.function("shop")
                        .code("async function handler(request, env) { return new Response(env.SHOP_TOKEN); }")
                        .runtimeConfig(Map.of("env", Map.of("SHOP_TOKEN", CREDENTIAL)))
                        .build()),
                List.of());

        for (int round = 0; round < 2; round++) {
            RemoteProject remote = new RemoteReader(client, 2).read(Planner.needs(project));
            Plan plan = Planner.plan(project, remote, Planner.Options.defaults("emulator"));
            written.addAll(PlanText.lines(plan, true));
            written.add(Json.compact(PlanJson.write(plan)));
            written.add(PlanMarkdown.render(plan, PlanMarkdown.DEFAULT_MAX_CHARS));
            ApplyReport report = new Applier(client, new Applier.Options(Duration.ZERO, Duration.ofSeconds(5)), r -> {})
                    .apply(project, remote, plan);
            report.steps().forEach(step -> written.add(step.step() + " " + step.message()));
            written.add(report.summary());
        }

        assertThat(written).isNotEmpty().noneMatch(line -> line.contains(KEY) || line.contains(CREDENTIAL));
        assertThat(written).anyMatch(line -> line.contains("runtime_config") && line.contains("sha256:"));
    }
}
