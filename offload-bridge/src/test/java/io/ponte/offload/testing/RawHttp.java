package io.ponte.offload.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A plain JDK HTTP client, for what interLink's Go client does and rest-assured hides: a GET with
 * a JSON body, and reading a streamed answer while it is still being written.
 */
public final class RawHttp {
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private RawHttp() {}

    public static HttpResponse<String> get(URI uri, String body) {
        return send(request(uri, body), HttpResponse.BodyHandlers.ofString());
    }

    public static HttpResponse<InputStream> stream(URI uri, String body) {
        return send(request(uri, body), HttpResponse.BodyHandlers.ofInputStream());
    }

    private static HttpRequest request(URI uri, String body) {
        return HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .method("GET", HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private static <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return CLIENT.send(request, handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
