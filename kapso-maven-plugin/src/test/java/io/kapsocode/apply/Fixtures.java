package io.kapsocode.apply;

import io.kapsocode.client.ApiKey;
import io.kapsocode.client.ClientSettings;
import io.kapsocode.client.KapsoApi;
import io.kapsocode.client.RetryPolicy;
import io.kapsocode.model.Project;
import io.kapsocode.plan.Plan;
import io.kapsocode.plan.Planner;
import io.kapsocode.remote.RemoteProject;
import io.kapsocode.remote.RemoteReader;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/** Test sources and steps shared across test classes. */
public final class Fixtures {

    /** A Kapso CLI tree in the shapes of real exports (kapso-dsl's fixture, written by us). */
    public static final Path REAL_WORLD = Path.of("..", "kapso-dsl", "src", "test", "resources", "real-world");

    private Fixtures() {}

    /** A client of an emulator root: retries without waiting, short timeouts. */
    public static ClientSettings settings(URI root, String key) {
        return ClientSettings.of(root, ApiKey.of(key))
                .withRetry(RetryPolicy.defaults(), d -> {})
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5));
    }

    /** The plan of {@code project} against what {@code client} reads, for the API it speaks. */
    public static Plan plan(KapsoApi client, Project project) {
        RemoteProject remote = new RemoteReader(client, 2).read(Planner.needs(project));
        return Planner.plan(
                project, remote, Planner.Options.defaults("emulator").withApi(client.api()));
    }

    /** Plans {@code project} and applies it, as kapso:apply with autoApprove does. */
    public static ApplyReport apply(KapsoApi client, Project project) {
        RemoteProject remote = new RemoteReader(client, 2).read(Planner.needs(project));
        Plan plan = Planner.plan(
                project, remote, Planner.Options.defaults("emulator").withApi(client.api()));
        return new Applier(client, new Applier.Options(Duration.ZERO, Duration.ofSeconds(10)), r -> {})
                .apply(project, remote, plan);
    }
}
