package io.kapsocode.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.kapsocode.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local Kapso Platform API: stateful, in memory, on a random loopback port, on the JDK's HTTP server.
 * It behaves as Kapso does where this tool depends on it (envelopes, replace semantics for a
 * definition's nodes and edges, remote edge and condition ids, {@code lock_version} and 409, unique
 * slugs, transactional trigger replacement, the API key check).
 *
 * <pre>{@code
 * try (KapsoEmulator kapso = KapsoEmulator.start("test-key")) {
 *     URI api = kapso.baseUri(); // http://127.0.0.1:<port>/platform/v1
 * }
 * }</pre>
 */
public final class KapsoEmulator implements AutoCloseable {

    static final String BASE_PATH = "/platform/v1";

    /** Where the legacy flows API ({@code app.kapso.ai/api/v1}) is served, over the same project. */
    static final String LEGACY_PATH = "/api/v1";

    /** The endpoints under one API root. */
    @FunctionalInterface
    interface Api {
        Reply route(EmulatorState state, String method, String path, String query, JsonNode body);
    }

    static {
        // without TCP_NODELAY the JDK server's separate header and body writes meet delayed ACKs: about
        // 40 ms per request on loopback, which would swamp any latency a test injects on purpose
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final EmulatorState state;
    private final String apiKey;
    private final Faults faults = new Faults();
    private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();
    private volatile Duration latency = Duration.ZERO;
    private volatile boolean keepExchanges = true;
    private volatile java.util.function.Consumer<Exchange> onExchange = exchange -> {};
    private volatile int requestsPerSecond;
    private long windowSecond;
    private int usedInWindow;

    private KapsoEmulator(HttpServer server, ExecutorService executor, EmulatorState state, String apiKey) {
        this.server = server;
        this.executor = executor;
        this.state = state;
        this.apiKey = apiKey;
    }

    /** Starts on a free loopback port; only requests with {@code X-API-Key: apiKey} are served. */
    public static KapsoEmulator start(String apiKey) throws IOException {
        return start(apiKey, 0);
    }

    /** Starts on this loopback port (0 for a free one). */
    public static KapsoEmulator start(String apiKey, int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        // daemon threads: an emulator left open never keeps a build's JVM alive
        ExecutorService executor = Executors.newFixedThreadPool(16, runnable -> {
            Thread thread = new Thread(runnable, "kapso-emulator");
            thread.setDaemon(true);
            return thread;
        });
        EmulatorState state = new EmulatorState();
        KapsoEmulator emulator = new KapsoEmulator(server, executor, state, apiKey);
        server.createContext(BASE_PATH + "/", exchange -> emulator.handle(exchange, BASE_PATH, Routes::route));
        server.createContext(
                LEGACY_PATH + "/", exchange -> emulator.handle(exchange, LEGACY_PATH, LegacyRoutes::route));
        server.setExecutor(executor);
        server.start();
        return emulator;
    }

    /** The API root to give the client, such as {@code http://127.0.0.1:51234/platform/v1}. */
    public URI baseUri() {
        InetSocketAddress address = server.getAddress();
        return URI.create("http://" + address.getAddress().getHostAddress() + ":" + address.getPort() + BASE_PATH);
    }

    /** The legacy flows API's root, such as {@code http://127.0.0.1:51234/api/v1}. */
    public URI legacyBaseUri() {
        InetSocketAddress address = server.getAddress();
        return URI.create("http://" + address.getAddress().getHostAddress() + ":" + address.getPort() + LEGACY_PATH);
    }

    /** Every request served so far, in order. */
    public List<Exchange> exchanges() {
        return List.copyOf(exchanges);
    }

    /** Called with every request served, once answered (a standalone emulator logs them). */
    public KapsoEmulator onExchange(java.util.function.Consumer<Exchange> listener) {
        this.onExchange = listener;
        return this;
    }

    /** Whether {@link #exchanges()} keeps every request; an emulator that runs for days does not. */
    public KapsoEmulator keepExchanges(boolean keep) {
        this.keepExchanges = keep;
        return this;
    }

    private void served(Exchange exchange) {
        if (keepExchanges) {
            exchanges.add(exchange);
        }
        onExchange.accept(exchange);
    }

    /** Faults to inject into the coming requests. */
    public Faults faults() {
        return faults;
    }

    /** Every request waits this long first, as over a real network. */
    public KapsoEmulator latency(Duration latency) {
        this.latency = latency;
        return this;
    }

    /**
     * Limits requests to {@code perSecond} per one-second window, with {@code X-RateLimit-*} headers on
     * every answer and 429 with {@code Retry-After: 1} beyond it; 0 turns the limit off.
     */
    public KapsoEmulator rateLimit(int perSecond) {
        this.requestsPerSecond = perSecond;
        return this;
    }

    /** The in-memory project, for tests that seed or inspect it. */
    public EmulatorState state() {
        return state;
    }

    private void handle(HttpExchange exchange, String root, Api api) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath().substring(root.length());
            stall(latency);
            Optional<Fault> fault = faults.take(method, path);
            if (fault.isPresent() && fault.get().kind() == Fault.Kind.DELAY) {
                stall(fault.get().delay());
                fault = Optional.empty();
            }
            if (fault.isPresent() && fault.get().kind() == Fault.Kind.RESET_BEFORE) {
                served(new Exchange(method, path, null, 0, null));
                return; // closing without an answer drops the connection
            }
            if (fault.isPresent() && fault.get().kind() == Fault.Kind.STATUS) {
                Fault f = fault.get();
                if (f.retryAfterSeconds() >= 0) {
                    exchange.getResponseHeaders().set("Retry-After", String.valueOf(f.retryAfterSeconds()));
                }
                send(exchange, record(method, path, null, Reply.error(f.status(), "Injected fault " + f.status())));
                return;
            }
            if (!rateLimitAllows(exchange)) {
                exchange.getResponseHeaders().set("Retry-After", "1");
                send(exchange, record(method, path, null, Reply.error(429, "Rate limit exceeded")));
                return;
            }
            Reply reply;
            JsonNode body = null;
            if (!apiKey.equals(exchange.getRequestHeaders().getFirst("X-API-Key"))) {
                reply = Reply.error(401, "Invalid API key");
            } else {
                body = readBody(exchange.getRequestBody());
                reply = body == null
                        ? Reply.error(400, "Invalid JSON body")
                        : api.route(
                                state, method, path, exchange.getRequestURI().getRawQuery(), body);
            }
            if (fault.isPresent() && fault.get().kind() == Fault.Kind.RESET_AFTER) {
                record(method, path, body, new Reply(0, null));
                return; // applied, but the client never hears of it
            }
            if (fault.isPresent() && fault.get().kind() == Fault.Kind.MALFORMED_AFTER) {
                record(method, path, body, new Reply(200, null));
                byte[] garbage = "<html>502 Bad Gateway</html>".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, garbage.length);
                exchange.getResponseBody().write(garbage);
                return;
            }
            send(exchange, record(method, path, body, reply));
        }
    }

    private synchronized boolean rateLimitAllows(HttpExchange exchange) {
        int limit = requestsPerSecond;
        if (limit <= 0) {
            return true;
        }
        long second = System.currentTimeMillis() / 1000;
        if (second != windowSecond) {
            windowSecond = second;
            usedInWindow = 0;
        }
        boolean allowed = usedInWindow < limit;
        if (allowed) {
            usedInWindow++;
        }
        exchange.getResponseHeaders().set("X-RateLimit-Limit", String.valueOf(limit));
        exchange.getResponseHeaders().set("X-RateLimit-Remaining", String.valueOf(Math.max(0, limit - usedInWindow)));
        exchange.getResponseHeaders().set("X-RateLimit-Reset", "1");
        return allowed;
    }

    private static void stall(Duration duration) {
        if (duration.isZero()) {
            return;
        }
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static JsonNode readBody(InputStream in) throws IOException {
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        if (text.isBlank()) {
            return Json.object();
        }
        return Json.tryParse(text).orElse(null);
    }

    /** Recorded before the answer leaves, so a client that has its answer always finds the exchange. */
    private Reply record(String method, String path, JsonNode body, Reply reply) {
        served(new Exchange(method, path, body == null || body.isEmpty() ? null : body, reply.status(), reply.body()));
        return reply;
    }

    private static void send(HttpExchange exchange, Reply reply) throws IOException {
        if (reply.body() == null) {
            exchange.sendResponseHeaders(reply.status(), -1);
            return;
        }
        byte[] bytes = Json.compact(reply.body()).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(reply.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** A status and a JSON body, or no body (204). */
    record Reply(int status, JsonNode body) {

        static Reply data(int status, JsonNode data) {
            ObjectNode body = Json.object();
            body.set("data", data);
            return new Reply(status, body);
        }

        static Reply error(int status, String message) {
            return new Reply(status, Json.object().put("error", message));
        }
    }
}
