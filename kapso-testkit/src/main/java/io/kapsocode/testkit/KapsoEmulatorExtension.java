package io.kapsocode.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A fresh emulator for every test, on a random loopback port:
 *
 * <pre>{@code
 * @RegisterExtension
 * static KapsoEmulatorExtension kapso = new KapsoEmulatorExtension("test-key");
 *
 * @Test
 * void applies(KapsoEmulator emulator) { ... emulator.baseUri() ... }
 * }</pre>
 */
public final class KapsoEmulatorExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private final String apiKey;
    private KapsoEmulator current;

    public KapsoEmulatorExtension(String apiKey) {
        this.apiKey = apiKey;
    }

    /** The running emulator of the current test. */
    public KapsoEmulator emulator() {
        if (current == null) {
            throw new IllegalStateException("the emulator runs only during a test");
        }
        return current;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        try {
            current = KapsoEmulator.start(apiKey);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Kapso emulator", e);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (current != null) {
            current.close();
            current = null;
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == KapsoEmulator.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return emulator();
    }
}
