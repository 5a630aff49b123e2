package io.kapsocode.client;

import java.util.List;

/** A client log for tests: every line, debug or warning, goes to {@code lines}. */
public record CollectingLog(List<String> lines) implements ClientLog {

    @Override
    public void debug(String message) {
        lines.add(message);
    }

    @Override
    public void warn(String message) {
        lines.add(message);
    }
}
