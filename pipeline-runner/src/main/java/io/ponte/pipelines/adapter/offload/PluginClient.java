package io.ponte.pipelines.adapter.offload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.Pod;
import io.ponte.pipelines.spi.ExecutorException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;

/**
 * The interLink plugin API, as the interLink API server calls it: {@code POST /create}, {@code GET
 * /status} and {@code GET /getLogs} with JSON bodies, {@code POST /delete}. Every call has a
 * deadline; non-2xx answers become {@link ExecutorException}s carrying the plugin's message.
 */
final class PluginClient {
    static final ObjectMapper JSON = new ObjectMapper();

    private final String site;
    private final URI base;
    private final Optional<String> token;
    private final Duration timeout;
    private final HttpClient http;

    PluginClient(String site, OffloadExecutorConfig.Site config, Duration timeout) {
        this.site = site;
        this.base = URI.create(config.url().endsWith("/") ? config.url() : config.url() + "/");
        this.token = config.token().filter(t -> !t.isBlank());
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    String site() {
        return site;
    }

    /** Submits the pod; answers the plugin's job id when it gives one. */
    Optional<String> create(Pod pod) throws ExecutorException {
        ObjectNode body = JSON.createObjectNode();
        body.set("pod", JSON.valueToTree(pod));
        ArrayNode containers = body.putArray("container");
        pod.getSpec().getContainers().forEach(c -> {
            ObjectNode entry = containers.addObject();
            entry.put("name", c.getName());
            entry.putArray("configMaps");
            entry.putArray("secrets");
            entry.putArray("projectedvolumemaps");
            entry.putNull("emptyDirs");
        });
        Reply reply =
                call("POST", "create", body, "create pod " + pod.getMetadata().getName());
        requireOk(reply, "create pod " + pod.getMetadata().getName());
        return Optional.ofNullable(parse(reply.body()).get("PodJID")).map(JsonNode::asText);
    }

    /** The status of one pod, or empty when the plugin does not know it. */
    Optional<JsonNode> status(Pod pod) throws ExecutorException {
        ArrayNode body = JSON.createArrayNode();
        body.add(JSON.valueToTree(pod));
        Reply reply =
                call("GET", "status", body, "status of pod " + pod.getMetadata().getName());
        if (reply.code() == 404) {
            return Optional.empty();
        }
        requireOk(reply, "status of pod " + pod.getMetadata().getName());
        JsonNode answer = parse(reply.body());
        String uid = pod.getMetadata().getUid();
        for (JsonNode s : answer) {
            if (uid.equals(s.path("UID").asText())) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    String logs(Pod pod, String container) throws ExecutorException {
        ObjectNode body = JSON.createObjectNode();
        body.put("Namespace", pod.getMetadata().getNamespace());
        body.put("PodUID", pod.getMetadata().getUid());
        body.put("PodName", pod.getMetadata().getName());
        body.put("ContainerName", container);
        body.putObject("Opts");
        Reply reply =
                call("GET", "getLogs", body, "log of pod " + pod.getMetadata().getName());
        requireOk(reply, "log of pod " + pod.getMetadata().getName());
        return reply.body();
    }

    void delete(Pod pod) throws ExecutorException {
        Reply reply = call(
                "POST",
                "delete",
                JSON.valueToTree(pod),
                "delete pod " + pod.getMetadata().getName());
        if (reply.code() != 404) {
            requireOk(reply, "delete pod " + pod.getMetadata().getName());
        }
    }

    private record Reply(int code, String body) {}

    private Reply call(String method, String path, JsonNode body, String what) throws ExecutorException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .method(method, BodyPublishers.ofString(body.toString()));
        token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
        try {
            HttpResponse<String> response = http.send(request.build(), BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body());
        } catch (HttpTimeoutException e) {
            throw new ExecutorException(
                    "offload site " + site + " (" + base + "): " + what + " got no answer within " + timeout, true, e);
        } catch (IOException e) {
            throw new ExecutorException(
                    "offload site " + site + " (" + base + ") is not reachable: " + what + ": " + e.getMessage(),
                    true,
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExecutorException("interrupted: " + what, true, e);
        }
    }

    private void requireOk(Reply reply, String what) throws ExecutorException {
        if (reply.code() / 100 == 2) {
            return;
        }
        int c = reply.code();
        boolean retriable = c == 429 || c == 502 || c == 503 || c == 504;
        String message = reply.body() == null || reply.body().isBlank()
                ? "(no message)"
                : reply.body().strip();
        throw new ExecutorException(
                "offload site " + site + " refused to " + what + " (HTTP " + c + "): " + message, retriable);
    }

    private JsonNode parse(String body) throws ExecutorException {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new ExecutorException("offload site " + site + " answered something that is not JSON", true, e);
        }
    }
}
