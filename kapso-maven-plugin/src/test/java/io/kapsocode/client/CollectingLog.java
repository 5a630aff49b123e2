package io.kapsocode.client;

import java.util.List;

/**
 * A client log for tests: every line goes to {@code lines}, a warning as {@code WARN <message>}. The
 * client logs from its reading threads, so each add holds the list's lock (a plain list raced and lost
 * its array under two readers).
 */
public record CollectingLog(List<String> lines) implements ClientLog {

    @Override
    public void debug(String message) {
        synchronized (lines) {
            lines.add(message);
        }
    }

    @Override
    public void warn(String message) {
        synchronized (lines) {
            lines.add("WARN " + message);
        }
    }
}
