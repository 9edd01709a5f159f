package io.ponte.cli.pipelines;

import io.ponte.cli.http.Service;
import io.ponte.cli.http.ServiceClient;
import io.ponte.cli.http.ServiceException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Writer;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A {@code GET} whose {@code text/plain} answer is copied to a writer as it arrives, each chunk
 * flushed: a log that is still being written shows as it grows.
 */
final class TextStream {
    private final Service service;
    private final URI base;
    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(ServiceClient.CONNECT_TIMEOUT)
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    TextStream(Service service, URI base) {
        this.service = service;
        String text = base.toString();
        this.base = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    }

    /** Copies the answer to {@code path} to {@code out}; fails when it does not end within {@code deadline}. */
    void copy(String path, Duration deadline, Writer out) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(deadline)
                .header("Accept", "text/plain, application/problem+json")
                .GET()
                .build();
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (ConnectException e) {
            throw ServiceException.failed(
                    "the " + service.name() + " is not reachable at " + base + " (connection refused). `ponte up` "
                            + "starts it; " + service.urlOption() + " URL or " + service.urlVariable()
                            + " points elsewhere.",
                    e);
        } catch (HttpTimeoutException e) {
            throw ServiceException.failed("the " + service.name() + " did not answer GET " + path + " in time", e);
        } catch (IOException e) {
            throw ServiceException.failed("talking to the " + service.name() + " at " + base + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ServiceException.failed("interrupted while waiting for the " + service.name(), e);
        }
        if (response.statusCode() < 200 || response.statusCode() > 299) {
            String body;
            try (InputStream in = response.body()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                body = "";
            }
            throw ServiceException.answer(service, response.statusCode(), "GET", path, body);
        }
        try (Reader in = new InputStreamReader(response.body(), StandardCharsets.UTF_8)) {
            char[] buffer = new char[8192];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            throw ServiceException.failed(
                    "the log stream from the " + service.name() + " broke off: " + e.getMessage(), e);
        }
    }
}
