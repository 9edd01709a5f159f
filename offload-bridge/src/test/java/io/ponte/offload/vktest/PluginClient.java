package io.ponte.offload.vktest;

import com.fasterxml.jackson.core.type.TypeReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The calls interLink's API server makes to a plugin, over loopback HTTP: {@code POST /create},
 * {@code GET /status} and {@code GET /getLogs} with JSON bodies, {@code POST /delete}. Answers are
 * returned as they came, so that the caller can show a non-200 body as interLink would.
 */
final class PluginClient {
    /** interLink waits this long for the plugin's response headers. */
    static final Duration CALL_DEADLINE = Duration.ofSeconds(120);

    private static final KubernetesSerialization JSON = new KubernetesSerialization();

    private final URI base;
    private final HttpClient http;
    private final Optional<String> bearerToken;

    /** An HTTP answer: status code and body. */
    record Answer(int status, String body) {
        boolean ok() {
            return status == 200;
        }
    }

    PluginClient(URI base, Optional<String> bearerToken) {
        String s = base.toString();
        this.base = URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
        this.bearerToken = bearerToken;
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    URI base() {
        return base;
    }

    Answer create(CreateRequest request) throws IOException {
        return send("POST", "/create", JSON.asJson(request.toWire()));
    }

    Answer delete(Pod pod) throws IOException {
        return send("POST", "/delete", JSON.asJson(pod));
    }

    /** The ping interLink sends every 30 s: {@code GET /status} with {@code []}. */
    Answer ping() throws IOException {
        return send("GET", "/status", "[]");
    }

    /** The status of the given pods; an empty list when the plugin knows none of them. */
    List<RemotePodStatus> status(List<Pod> pods) throws IOException, PluginException {
        Answer answer = send("GET", "/status", JSON.asJson(pods));
        if (!answer.ok()) {
            throw new PluginException("GET /status answered HTTP " + answer.status() + ": " + answer.body());
        }
        try {
            return JSON.unmarshal(
                    new java.io.ByteArrayInputStream(answer.body().getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                    new TypeReference<List<RemotePodStatus>>() {});
        } catch (RuntimeException e) {
            throw new PluginException("GET /status answered something that is not a status list: " + answer.body(), e);
        }
    }

    /** A container's whole log (no follow, no tail), as {@code kubectl logs} asks. */
    Answer logs(Pod pod, String container) throws IOException {
        Map<String, Object> body = Map.of(
                "Namespace", pod.getMetadata().getNamespace(),
                "PodUID", pod.getMetadata().getUid(),
                "PodName", pod.getMetadata().getName(),
                "ContainerName", container,
                "Opts", Map.of("Tail", 0, "Bytes", 0, "Timestamps", false, "Follow", false, "Previous", false));
        return send("GET", "/getLogs", JSON.asJson(body));
    }

    private Answer send(String method, String path, String json) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(CALL_DEADLINE)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json));
        bearerToken.ifPresent(t -> request.header("Authorization", "Bearer " + t));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(method + " " + path + " interrupted", e);
        }
    }

    /** The plugin answered something interLink could not use. */
    static final class PluginException extends Exception {
        PluginException(String message) {
            super(message);
        }

        PluginException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
