package io.ponte.cli.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * JSON over HTTP to one registry: every call has a deadline, carries the bearer token when there is
 * one, and turns a non-2xx answer or a failed connection into a {@link RegistryException}.
 */
public final class RegistryClient {
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final URI base;
    private final Optional<String> token;
    private final HttpClient client;

    /**
     * @param base the registry's address, e.g. {@code http://127.0.0.1:8081}; paths are appended to it
     * @param token sent as {@code Authorization: Bearer <token>} when present
     */
    public RegistryClient(URI base, Optional<String> token) {
        String text = base.toString();
        this.base = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        this.token = token.filter(t -> !t.isBlank());
        this.client = HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    ObjectNode get(String path) {
        return send("GET", path, null, false).orElseThrow();
    }

    /** The object at {@code path}, or empty when the registry answers 404. */
    Optional<ObjectNode> find(String path) {
        return send("GET", path, null, true);
    }

    ObjectNode post(String path, Object body) {
        return send("POST", path, body, false).orElseThrow();
    }

    ObjectNode put(String path, Object body) {
        return send("PUT", path, body, false).orElseThrow();
    }

    void delete(String path) {
        send("DELETE", path, null, false);
    }

    /** {@code text} when it is a JSON object; {@link IllegalArgumentException} saying why not otherwise. */
    static ObjectNode object(String text) {
        try {
            if (JSON.readTree(text) instanceof ObjectNode object) {
                return object;
            }
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e.getOriginalMessage(), e);
        }
        throw new IllegalArgumentException("expected a JSON object");
    }

    /** {@code value} encoded for use as one path segment. */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** {@code ?k=v&...} of the given parameters in order, or "" when there are none. */
    static String query(Map<String, String> parameters) {
        return parameters.isEmpty()
                ? ""
                : parameters.entrySet().stream()
                        .map(e -> segment(e.getKey()) + "=" + segment(e.getValue()))
                        .collect(Collectors.joining("&", "?", ""));
    }

    /** The answer's object ({@code {}} for an empty body), or empty for a 404 when allowed. */
    private Optional<ObjectNode> send(String method, String path, Object body, boolean absentOn404) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json, application/problem+json");
        token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(write(body), StandardCharsets.UTF_8));
        }
        HttpResponse<String> response = exchange(request.build(), method, path);
        int status = response.statusCode();
        if (status == 404 && absentOn404) {
            return Optional.empty();
        }
        if (status < 200 || status > 299) {
            RegistryException error = RegistryException.answer(status, method, path, response.body());
            throw status == 401 && token.isEmpty() ? error.withHint("set PONTE_REGISTRY_TOKEN") : error;
        }
        if (response.body().isBlank()) {
            return Optional.of(JSON.createObjectNode());
        }
        try {
            return Optional.of(object(response.body()));
        } catch (IllegalArgumentException e) {
            throw RegistryException.failed(
                    "the registry's answer to " + method + " " + path + " is not a JSON object: " + e.getMessage(), e);
        }
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<String> exchange(HttpRequest request, String method, String path) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpConnectTimeoutException e) {
            throw RegistryException.unreachable(base, "no connection within " + CONNECT_TIMEOUT.toSeconds() + " s", e);
        } catch (HttpTimeoutException e) {
            throw RegistryException.failed(
                    "the model registry at " + base + " did not answer " + method + " " + path + " within "
                            + REQUEST_TIMEOUT.toSeconds() + " s",
                    e);
        } catch (ConnectException e) {
            throw RegistryException.unreachable(base, unresolved(e) ? "unknown host" : "connection refused", e);
        } catch (IOException e) {
            throw RegistryException.failed(
                    "talking to the model registry at " + base + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw RegistryException.failed("interrupted while waiting for the model registry", e);
        }
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
