package io.kapsocode.client;

import java.util.List;

/** A client log for tests: every line goes to {@code lines}, a warning as {@code WARN <message>}. */
public record CollectingLog(List<String> lines) implements ClientLog {

    @Override
    public void debug(String message) {
        lines.add(message);
    }

    @Override
    public void warn(String message) {
        lines.add("WARN " + message);
    }
}
