package io.kapsocode.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kapsocode.json.Json;
import io.kapsocode.model.FunctionDefinition;
import io.kapsocode.model.Project;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;

/**
 * Runs a function's own JavaScript, as Kapso deploys it (a Cloudflare-Worker style
 * {@code async function handler(request, env)}, contract §E.3), with GraalJS: the request carries the
 * body Kapso sends, {@code env} holds the test's secrets, and {@code fetch} goes through Java's HTTP
 * client, so a test can point the APIs a function calls at a stub server. A function that throws, runs
 * past its time limit or answers something that is not JSON fails with a reason naming it.
 *
 * <p>GraalJS is an optional dependency of this module (about 86 MB of jars): add
 * {@code org.graalvm.polyglot:polyglot} and {@code org.graalvm.polyglot:js-community} (type {@code pom})
 * 23.1.8 to the tests that run functions.
 */
public final class JavaScriptFunctions implements FunctionRunner, AutoCloseable {

    /** What Kapso's runtime provides beyond the language: Response, and fetch over Java's HTTP client. */
    private static final String PRELUDE = """
            class Response {
              constructor(body, init) {
                this.body = body === undefined || body === null ? '' : String(body);
                this.status = (init && init.status) || 200;
                this.headers = (init && init.headers) || {};
                this.ok = this.status >= 200 && this.status < 300;
              }
              async text() { return this.body; }
              async json() { return JSON.parse(this.body); }
              static json(value, init) { return new Response(JSON.stringify(value), init); }
            }
            globalThis.Response = Response;
            globalThis.fetch = async (url, init) => {
              const answer = JSON.parse(__kapsoFetch(String(url), JSON.stringify(init || {})));
              if (answer.error) throw new TypeError(answer.error);
              return new Response(answer.body, { status: answer.status, headers: answer.headers });
            };
            """;

    private final Project project;
    private final Map<String, String> secrets;
    private final Duration timeLimit;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** Shared by every call, so that parsed code is kept between them; each call has its own context. */
    private final Engine engine = Engine.newBuilder("js")
            .option("engine.WarnInterpreterOnly", "false")
            .build();

    /**
     * @param secrets the values of the functions' {@code env} secrets in the test
     * @param timeLimit how long one call may run
     */
    public JavaScriptFunctions(Project project, Map<String, String> secrets, Duration timeLimit) {
        this.project = project;
        this.secrets = Map.copyOf(secrets);
        this.timeLimit = timeLimit;
    }

    @Override
    public FunctionAnswer run(String slug, ObjectNode request) {
        Optional<FunctionDefinition> function = project.function(slug);
        if (function.isEmpty() || function.get().code() == null) {
            return FunctionAnswer.failed("function '" + slug + "' has no code in the sources");
        }
        ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "kapso-function-" + slug);
            t.setDaemon(true);
            return t;
        });
        AtomicReference<Context> running = new AtomicReference<>();
        try {
            Future<FunctionAnswer> call =
                    thread.submit(() -> call(slug, function.get().code(), request, running));
            return call.get(timeLimit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            Context context = running.get();
            if (context != null) {
                context.close(true);
            }
            return FunctionAnswer.failed("function '" + slug + "' ran longer than " + timeLimit.toMillis() + " ms");
        } catch (ExecutionException e) {
            return FunctionAnswer.failed(
                    "function '" + slug + "' could not run: " + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FunctionAnswer.failed("function '" + slug + "' was interrupted");
        } finally {
            thread.shutdownNow();
        }
    }

    private FunctionAnswer call(String slug, String code, ObjectNode body, AtomicReference<Context> running) {
        try (Context context = Context.newBuilder("js").engine(engine).build()) {
            running.set(context);
            Value bindings = context.getBindings("js");
            bindings.putMember("__kapsoFetch", (ProxyExecutable) args -> fetch(args[0].asString(), args[1].asString()));
            context.eval("js", PRELUDE);
            context.eval("js", code);
            Value handler = bindings.getMember("handler");
            if (handler == null || !handler.canExecute()) {
                return FunctionAnswer.failed("function '" + slug + "' defines no handler(request, env)");
            }
            Value request = context.eval(
                            "js",
                            "(body) => ({ method: 'POST', url: 'https://kapso.local/functions/"
                                    + slug + "', headers: { 'content-type': 'application/json' },"
                                    + " json: async () => JSON.parse(body), text: async () => body })")
                    .execute(Json.compact(body));
            Value env = context.eval("js", "(text) => JSON.parse(text)").execute(Json.compact(Json.valueOf(secrets)));
            Value result = handler.execute(request, env);
            java.util.concurrent.atomic.AtomicInteger status = new java.util.concurrent.atomic.AtomicInteger();
            AtomicReference<String> resolved = new AtomicReference<>();
            AtomicReference<String> rejected = new AtomicReference<>();
            Value settle = context.eval("js", """
                    (value, done, failed) => Promise.resolve(value)
                        .then(r => r instanceof Response ? r.text().then(t => done(r.status, t)) : done(200, JSON.stringify(r)))
                        .catch(e => failed(String(e && e.stack ? e.stack.split('\\n')[0] : e)))
                    """);
            settle.execute(
                    result,
                    (ProxyExecutable) args -> {
                        status.set(args[0].asInt());
                        resolved.set(args[1].asString());
                        return null;
                    },
                    (ProxyExecutable) args -> {
                        rejected.set(args[0].asString());
                        return null;
                    });
            if (rejected.get() != null) {
                return FunctionAnswer.failed("function '" + slug + "' threw: " + rejected.get());
            }
            if (resolved.get() == null) {
                return FunctionAnswer.failed("function '" + slug + "' never answered");
            }
            String text = resolved.get();
            if (status.get() < 200 || status.get() >= 300) {
                return FunctionAnswer.failed("function '" + slug + "' answered HTTP " + status.get() + ": " + text);
            }
            Optional<JsonNode> json = Json.tryParse(text);
            if (json.isEmpty()) {
                return FunctionAnswer.failed("function '" + slug + "' answered something that is not JSON: "
                        + (text.length() > 80 ? text.substring(0, 80) + "..." : text));
            }
            return FunctionAnswer.body(json.get());
        } catch (PolyglotException e) {
            if (e.isCancelled()) {
                return FunctionAnswer.failed("function '" + slug + "' was stopped at its time limit");
            }
            return FunctionAnswer.failed("function '" + slug + "' threw: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        engine.close(true);
    }

    /** {@code fetch} for the function: a real request through Java's client, answered as JSON text. */
    private String fetch(String url, String initJson) {
        JsonNode init = Json.tryParse(initJson).orElse(Json.object());
        String method = init.path("method").asText("GET").toUpperCase(java.util.Locale.ROOT);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        init.path("headers")
                .fields()
                .forEachRemaining(h -> request.header(h.getKey(), h.getValue().asText()));
        String body = init.path("body").isMissingNode() || init.path("body").isNull()
                ? null
                : init.get("body").isTextual() ? init.get("body").textValue() : Json.compact(init.get("body"));
        request.method(
                method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        ObjectNode answer = Json.object();
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            answer.put("status", response.statusCode()).put("body", response.body());
            ObjectNode headers = answer.putObject("headers");
            Map<String, String> first = new HashMap<>();
            response.headers().map().forEach((k, v) -> first.put(k, v.isEmpty() ? "" : v.get(0)));
            first.forEach(headers::put);
        } catch (java.io.IOException e) {
            answer.put("error", "fetch " + url + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer.put("error", "fetch " + url + " was interrupted");
        }
        return Json.compact(answer);
    }
}
