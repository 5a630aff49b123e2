package io.kapsocode.testkit;

import io.kapsocode.json.CanonicalJson;
import io.kapsocode.json.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the emulator from the command line until interrupted, with the key in {@code KAPSO_API_KEY}:
 * {@code java -cp ... io.kapsocode.testkit.KapsoEmulatorMain [--port N] [--seed DIR] [--state FILE]}. It
 * prints the base URL to give the client, never the key.
 */
public final class KapsoEmulatorMain {

    static final String USAGE = """
            usage: KapsoEmulatorMain [--port N] [--seed DIR] [--state FILE] [--help]
              --port N       listen on loopback port N (default: a free port, printed)
              --seed DIR     start with the project in DIR (Kapso CLI layout or this tool's YAML)
              --state FILE   read the project from FILE when it exists, and write it there on exit
            The emulator accepts the API key in the KAPSO_API_KEY environment variable.""";

    /** The command line, read. */
    record Options(int port, Optional<Path> seed, Optional<Path> state, boolean help) {}

    private KapsoEmulatorMain() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        Options options;
        try {
            options = parse(List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.println(USAGE);
            return;
        }
        String key = System.getenv("KAPSO_API_KEY");
        if (key == null || key.isBlank()) {
            System.err.println("set KAPSO_API_KEY to the key the emulator should accept");
            System.exit(2);
        }
        serve(key, options.port(), options.seed(), options.state(), System.out);
    }

    /**
     * Serves until the JVM is stopped (Ctrl-C, SIGTERM): prints the base URL, then one line per request
     * ({@code GET /workflows -> 200}, never a body or a key); on the way out writes the project to
     * {@code state} when given.
     */
    public static void serve(String key, int port, Optional<Path> seed, Optional<Path> state, PrintStream out)
            throws IOException, InterruptedException {
        Options options = new Options(port, seed, state, false);
        KapsoEmulator emulator = KapsoEmulator.start(key, options.port()).keepExchanges(false);
        prepare(emulator.state(), options, out);
        emulator.onExchange(
                e -> out.println(e.method() + " " + e.path() + " -> " + (e.status() == 0 ? "dropped" : e.status())));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            options.state().ifPresent(file -> {
                save(emulator.state(), file);
                out.println("Kapso emulator: the project is kept in " + file);
            });
            emulator.close();
            stopped.countDown();
        }));
        out.println("Kapso emulator listening on " + emulator.baseUri() + " (stop it with Ctrl-C)");
        out.println("Kapso emulator: the legacy flows API of the same project at " + emulator.legacyBaseUri());
        out.flush();
        stopped.await();
    }

    static Options parse(List<String> args) {
        int port = 0;
        Optional<Path> seed = Optional.empty();
        Optional<Path> state = Optional.empty();
        boolean help = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--help", "-h" -> help = true;
                case "--port", "--seed", "--state" -> {
                    if (i + 1 >= args.size()) {
                        throw new IllegalArgumentException(arg + " needs a value");
                    }
                    String value = args.get(++i);
                    if (arg.equals("--port")) {
                        try {
                            port = Integer.parseInt(value);
                        } catch (NumberFormatException e) {
                            port = -1;
                        }
                        if (port < 0 || port > 65_535) {
                            throw new IllegalArgumentException(
                                    "--port takes a number from 0 to 65535, not '" + value + "'");
                        }
                    } else if (arg.equals("--seed")) {
                        seed = Optional.of(Path.of(value));
                    } else {
                        state = Optional.of(Path.of(value));
                    }
                }
                default -> throw new IllegalArgumentException("unknown argument '" + arg + "'");
            }
        }
        return new Options(port, seed, state, help);
    }

    /** The state file wins over the seed: it already holds what the seed gave, and what came after. */
    static void prepare(EmulatorState state, Options options, PrintStream out) throws IOException {
        if (options.state().isPresent() && Files.isRegularFile(options.state().get())) {
            state.restore(Json.tryParse(Files.readString(options.state().get(), StandardCharsets.UTF_8))
                    .orElseThrow(
                            () -> new IllegalArgumentException(options.state().get() + " is not JSON")));
            out.println("Kapso emulator: the project kept in " + options.state().get());
        } else if (options.seed().isPresent()) {
            out.println("Kapso emulator: seeded with "
                    + EmulatorSeed.load(state, options.seed().get()));
        }
    }

    private static void save(EmulatorState state, Path file) {
        try {
            Files.writeString(file, CanonicalJson.write(state.snapshot()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            System.err.println("cannot keep the emulator state in " + file + ": " + e.getMessage());
        }
    }
}
