package io.kapsocode.testkit;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the emulator from the command line until interrupted:
 * {@code java -cp kapso-testkit.jar:... io.kapsocode.testkit.KapsoEmulatorMain} with the key in
 * {@code KAPSO_API_KEY}. It prints the base URL to give the client, never the key.
 */
public final class KapsoEmulatorMain {

    private KapsoEmulatorMain() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        String key = System.getenv("KAPSO_API_KEY");
        if (key == null || key.isBlank()) {
            System.err.println("set KAPSO_API_KEY to the key the emulator should accept");
            System.exit(2);
        }
        KapsoEmulator emulator = KapsoEmulator.start(key);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }));
        System.out.println("Kapso emulator listening on " + emulator.baseUri());
        stopped.await();
    }
}
