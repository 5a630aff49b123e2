package io.kapsocode.client;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How the client reaches Kapso.
 *
 * @param baseUri the API root, checked by {@link BaseUrl#check(String)}
 * @param apiKey the project's key
 * @param connectTimeout how long to wait for a connection
 * @param requestTimeout how long to wait for an answer
 * @param retry when and how long to retry
 * @param sleeper waits between attempts
 * @param log where the client reports what it does
 */
public record ClientSettings(
        URI baseUri,
        ApiKey apiKey,
        Duration connectTimeout,
        Duration requestTimeout,
        RetryPolicy retry,
        Sleeper sleeper,
        ClientLog log) {

    public ClientSettings {
        Objects.requireNonNull(baseUri, "baseUri");
        Objects.requireNonNull(apiKey, "apiKey");
        baseUri = BaseUrl.check(baseUri.toString());
    }

    /** Sensible defaults: 10 s to connect, 60 s per request, 5 attempts. */
    public static ClientSettings of(URI baseUri, ApiKey apiKey) {
        return new ClientSettings(
                baseUri,
                apiKey,
                Duration.ofSeconds(10),
                Duration.ofSeconds(60),
                RetryPolicy.defaults(),
                Sleeper.SYSTEM,
                ClientLog.SILENT);
    }

    public ClientSettings withRetry(RetryPolicy retry, Sleeper sleeper) {
        return new ClientSettings(baseUri, apiKey, connectTimeout, requestTimeout, retry, sleeper, log);
    }

    public ClientSettings withTimeouts(Duration connect, Duration request) {
        return new ClientSettings(baseUri, apiKey, connect, request, retry, sleeper, log);
    }

    public ClientSettings withLog(ClientLog log) {
        return new ClientSettings(baseUri, apiKey, connectTimeout, requestTimeout, retry, sleeper, log);
    }

    @Override
    public String toString() {
        return "ClientSettings[" + baseUri + ", " + apiKey + "]";
    }
}
