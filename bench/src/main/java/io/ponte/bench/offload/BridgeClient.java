package io.ponte.bench.offload;

import io.ponte.bench.common.BlockingHttp;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** The plugin API as interLink calls it, with the trivial pod of the benchmark. */
final class BridgeClient implements AutoCloseable {
    /** A pod's identity and its v1.Pod JSON. */
    record Pod(String uid, String name, JsonObject json) {}

    /** What one /status answer says about one pod. */
    record Seen(String uid, boolean started, boolean done) {}

    private final BlockingHttp http;
    private final MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("Content-Type", "application/json");

    BridgeClient(String url, int connections) {
        this.http = new BlockingHttp(url, connections, Duration.ofSeconds(120));
    }

    static Pod pod(String name, List<String> command) {
        String uid = UUID.randomUUID().toString();
        JsonObject pod = new JsonObject()
                .put("apiVersion", "v1")
                .put("kind", "Pod")
                .put(
                        "metadata",
                        new JsonObject()
                                .put("name", name)
                                .put("namespace", "bench")
                                .put("uid", uid))
                .put(
                        "spec",
                        new JsonObject()
                                .put("restartPolicy", "Never")
                                .put(
                                        "containers",
                                        new JsonArray()
                                                .add(new JsonObject()
                                                        .put("name", "main")
                                                        .put("image", "busybox:1.36")
                                                        .put("command", new JsonArray(command)))));
        return new Pod(uid, name, pod);
    }

    /** Creates the pod; returns the job id the bridge answered. */
    String create(Pod pod) throws IOException {
        JsonObject body = new JsonObject()
                .put("pod", pod.json())
                .put("container", new JsonArray().add(new JsonObject().put("name", "main")));
        BlockingHttp.Answer answer = http.send(HttpMethod.POST, "/create", headers, body.encode());
        expect200("create " + pod.name(), answer);
        return new JsonObject(answer.body()).getString("PodJID", "");
    }

    void delete(Pod pod) throws IOException {
        expect200(
                "delete " + pod.name(),
                http.send(HttpMethod.POST, "/delete", headers, pod.json().encode()));
    }

    /** One GET /status for the given pods. */
    List<Seen> status(List<Pod> pods) throws IOException {
        JsonArray request = new JsonArray();
        pods.forEach(p -> request.add(p.json()));
        BlockingHttp.Answer answer = http.send(HttpMethod.GET, "/status", headers, request.encode());
        expect200("status", answer);
        return new JsonArray(answer.body())
                .stream().map(JsonObject.class::cast).map(BridgeClient::seen).toList();
    }

    private static Seen seen(JsonObject status) {
        JsonArray containers = status.getJsonArray("containers", new JsonArray());
        boolean started = false;
        boolean done = !containers.isEmpty();
        for (Object c : containers) {
            JsonObject state = ((JsonObject) c).getJsonObject("state", new JsonObject());
            started |= state.containsKey("running") || state.containsKey("terminated");
            done &= state.containsKey("terminated");
        }
        return new Seen(status.getString("UID"), started, done);
    }

    private static void expect200(String what, BlockingHttp.Answer answer) throws IOException {
        if (answer.status() != 200) {
            throw new IOException(what + " answered " + answer.status() + ": " + answer.body());
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
