package io.kapsocode.client;

/**
 * Where the client reports what it does. Messages name the operation, the method and path, the status
 * and the timing; they never hold a header or a body, and {@link Redactor} masks known secrets in them
 * as a second line of defence.
 */
public interface ClientLog {

    ClientLog SILENT = new ClientLog() {
        @Override
        public void debug(String message) {}

        @Override
        public void warn(String message) {}
    };

    void debug(String message);

    void warn(String message);
}
