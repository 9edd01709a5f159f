package io.ponte.cli.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * HTTP to one Ponte service: JSON in and out, or server-sent events out. Every call has a deadline, carries the
 * bearer token when there is one, and turns a non-2xx answer or a failed connection into a
 * {@link ServiceException} whose message names the service.
 */
public final class ServiceClient {
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** The deadline of a call that does not name its own. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private static final String JSON = "application/json";
    private static final String ACCEPT_JSON = "application/json, application/problem+json";
    private static final String ACCEPT_EVENTS = "text/event-stream, application/problem+json";

    private final Service service;
    private final URI base;
    private final Optional<String> token;
    private final HttpClient client;

    /** A request body and its media type. */
    private record Content(String type, String text) {}

    /**
     * @param base the service's address, e.g. {@code http://127.0.0.1:8081}; paths are appended to it
     * @param token sent as {@code Authorization: Bearer <token>} when present
     */
    public ServiceClient(Service service, URI base, Optional<String> token) {
        String text = base.toString();
        this.service = service;
        this.base = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        this.token = token.filter(t -> !t.isBlank());
        this.client = HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    public Service service() {
        return service;
    }

    public ObjectNode get(String path) {
        return send("GET", path, null, REQUEST_TIMEOUT, false).orElseThrow();
    }

    /** The object at {@code path}, or empty when the service answers 404. */
    public Optional<ObjectNode> find(String path) {
        return send("GET", path, null, REQUEST_TIMEOUT, true);
    }

    /** POSTs {@code body} as JSON (none when null). */
    public ObjectNode post(String path, Object body) {
        return post(path, body, REQUEST_TIMEOUT);
    }

    /** POSTs {@code body} as JSON (none when null), waiting up to {@code timeout} for the answer. */
    public ObjectNode post(String path, Object body, Duration timeout) {
        return send("POST", path, json(body), timeout, false).orElseThrow();
    }

    /** POSTs {@code text} as it is, with the media type {@code contentType}. */
    public ObjectNode postText(String path, String contentType, String text, Duration timeout) {
        return send("POST", path, new Content(contentType, text), timeout, false)
                .orElseThrow();
    }

    public ObjectNode put(String path, Object body) {
        return send("PUT", path, json(body), REQUEST_TIMEOUT, false).orElseThrow();
    }

    public void delete(String path) {
        send("DELETE", path, null, REQUEST_TIMEOUT, false);
    }

    /**
     * POSTs {@code body} as JSON and hands each server-sent event of the answer to {@code listener} as it arrives,
     * until the stream ends. Fails when the answer does not start, or the stream stays silent, for {@code idle}.
     * An exception thrown by {@code listener} stops the stream and is passed on.
     */
    public void events(String path, Object body, Duration idle, Consumer<ServerSentEvent> listener) {
        HttpRequest request = request("POST", path, json(body), idle, ACCEPT_EVENTS);
        LineQueue lines = new LineQueue();
        CompletableFuture<HttpResponse<Void>> exchange = client.sendAsync(request, info -> {
            lines.headers(info);
            return HttpResponse.BodySubscribers.fromLineSubscriber(lines, s -> null, StandardCharsets.UTF_8, null);
        });
        exchange.whenComplete((response, failure) -> {
            if (failure != null) {
                lines.onError(failure);
            }
        });
        try {
            HttpResponse.ResponseInfo info = (HttpResponse.ResponseInfo) next(lines, "POST", path, idle, false);
            if (info.statusCode() < 200 || info.statusCode() > 299) {
                StringBuilder text = new StringBuilder();
                for (Object line; (line = next(lines, "POST", path, idle, true)) != LineQueue.END; ) {
                    text.append(line).append('\n');
                }
                throw error(info.statusCode(), "POST", path, text.toString());
            }
            String type = info.headers().firstValue("Content-Type").orElse("");
            if (!type.startsWith("text/event-stream")) {
                throw ServiceException.failed(
                        "the " + service.name() + " answered POST " + path + " with "
                                + (type.isEmpty() ? "no content type" : type) + ", not server-sent events",
                        null);
            }
            EventStreamParser parser = new EventStreamParser();
            for (Object line; (line = next(lines, "POST", path, idle, true)) != LineQueue.END; ) {
                parser.line((String) line).ifPresent(listener);
            }
        } finally {
            lines.cancel();
            exchange.cancel(true);
        }
    }

    private Object next(LineQueue lines, String method, String path, Duration wait, boolean started) {
        Object item;
        try {
            item = lines.next(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ServiceException.failed("interrupted while waiting for the " + service.name(), e);
        }
        if (item == null) {
            throw started
                    ? ServiceException.failed(
                            "the " + service.name() + " at " + base + " sent nothing for " + seconds(wait)
                                    + " while answering " + method + " " + path,
                            null)
                    : timedOut(method, path, wait, null);
        }
        if (item instanceof Throwable failure) {
            throw failure(failure, method, path, wait);
        }
        return item;
    }

    private Content json(Object body) {
        return body == null ? null : new Content(JSON, Json.write(body));
    }

    /** The answer's object ({@code {}} for an empty body), or empty for a 404 when allowed. */
    private Optional<ObjectNode> send(
            String method, String path, Content content, Duration timeout, boolean absentOn404) {
        HttpResponse<String> response;
        try {
            response = client.send(
                    request(method, path, content, timeout, ACCEPT_JSON),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException | InterruptedException e) {
            throw failure(e, method, path, timeout);
        }
        int status = response.statusCode();
        if (status == 404 && absentOn404) {
            return Optional.empty();
        }
        if (status < 200 || status > 299) {
            throw error(status, method, path, response.body());
        }
        if (response.body().isBlank()) {
            return Optional.of(Json.MAPPER.createObjectNode());
        }
        try {
            return Optional.of(Json.object(response.body()));
        } catch (IllegalArgumentException e) {
            throw ServiceException.failed(
                    "the " + service.shortName() + "'s answer to " + method + " " + path + " is not a JSON object: "
                            + e.getMessage(),
                    e);
        }
    }

    private HttpRequest request(String method, String path, Content content, Duration timeout, String accept) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout).header("Accept", accept);
        token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
        if (content == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", content.type())
                    .method(method, HttpRequest.BodyPublishers.ofString(content.text(), StandardCharsets.UTF_8));
        }
        return request.build();
    }

    private ServiceException error(int status, String method, String path, String body) {
        ServiceException error = ServiceException.answer(service, status, method, path, body);
        Optional<String> variable = service.tokenVariable();
        return status == 401 && token.isEmpty() && variable.isPresent()
                ? error.withHint("set " + variable.get())
                : error;
    }

    private ServiceException failure(Throwable thrown, String method, String path, Duration timeout) {
        Throwable e = thrown;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return switch (e) {
            case HttpConnectTimeoutException t ->
                ServiceException.unreachable(service, base, "no connection within " + seconds(CONNECT_TIMEOUT), t);
            case HttpTimeoutException t -> timedOut(method, path, timeout, t);
            case ConnectException c ->
                ServiceException.unreachable(service, base, unresolved(c) ? "unknown host" : "connection refused", c);
            case InterruptedException i -> {
                Thread.currentThread().interrupt();
                yield ServiceException.failed("interrupted while waiting for the " + service.name(), i);
            }
            default ->
                ServiceException.failed(
                        "talking to the " + service.name() + " at " + base + " failed: " + e.getMessage(), e);
        };
    }

    private ServiceException timedOut(String method, String path, Duration timeout, Throwable cause) {
        return ServiceException.failed(
                "the " + service.name() + " at " + base + " did not answer " + method + " " + path + " within "
                        + seconds(timeout),
                cause);
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() < 1000 ? duration.toMillis() + " ms" : duration.toSeconds() + " s";
    }

    private static boolean unresolved(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnresolvedAddressException) {
                return true;
            }
        }
        return false;
    }
}
