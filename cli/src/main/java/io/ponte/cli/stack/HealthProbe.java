package io.ponte.cli.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** One look at a service's readiness endpoint on the loopback address. */
public final class HealthProbe {
    private final HttpClient client;
    private final Duration timeout;

    /** @param timeout how long one look may take, connection included */
    public HealthProbe(Duration timeout) {
        this.timeout = timeout;
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** The base URL of a service listening on {@code port} of this machine. */
    public static String baseUrl(int port) {
        return "http://127.0.0.1:" + port;
    }

    /** Whether {@code GET path} on the port answers 200; any failure or other status is "not ready". */
    public boolean isReady(int port, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl(port) + path))
                .timeout(timeout)
                .GET()
                .build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
