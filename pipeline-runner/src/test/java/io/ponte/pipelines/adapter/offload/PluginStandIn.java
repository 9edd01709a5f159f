package io.ponte.pipelines.adapter.offload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small, real interLink plugin over HTTP on loopback, standing in for the offload-bridge (being
 * written at the same time on another branch): it speaks the wire of INTERLINK-WIRE.md ({@code
 * POST /create} with {@code {"pod","container"}}, {@code GET /status} and {@code GET /getLogs}
 * with JSON bodies, {@code POST /delete}, {@code []} pings, 404 for unknown pods) and runs each
 * pod's container as a local process. Volumes: {@code hostPath} only, at the same path (a shared
 * filesystem). Images: those in {@link #images}; others are refused as a site would refuse them.
 */
final class PluginStandIn implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    final List<String> images = new CopyOnWriteArrayList<>(List.of("docker.io/library/busybox:1.36"));
    final List<JsonNode> created = new CopyOnWriteArrayList<>();
    final List<String> deleted = new CopyOnWriteArrayList<>();
    final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final Map<String, Running> pods = new ConcurrentHashMap<>();
    private final HttpServer server;
    private final Path logs;
    private int jobs;
    /** When set, containers report "waiting" (a pending batch job) and do not start. */
    volatile boolean holdJobs;

    private record Running(String name, Process process, Path log, String jid, Instant started) {}

    PluginStandIn() throws IOException {
        logs = Files.createTempDirectory("plugin-stand-in");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            authorizations.add(Optional.ofNullable(ex.getRequestHeaders().getFirst("Authorization"))
                    .orElse(""));
            JsonNode body = JSON.readTree(ex.getRequestBody().readAllBytes());
            String route = ex.getRequestMethod() + " " + ex.getRequestURI().getPath();
            switch (route) {
                case "POST /create" -> create(ex, body);
                case "GET /status" -> status(ex, body);
                case "GET /getLogs" -> logs(ex, body);
                case "POST /delete" -> delete(ex, body);
                default -> send(ex, 404, "no route " + route);
            }
        } catch (RuntimeException e) {
            send(ex, 500, e.toString());
        }
    }

    private synchronized void create(HttpExchange ex, JsonNode body) throws IOException {
        JsonNode pod = body.get("pod");
        created.add(body);
        String uid = pod.at("/metadata/uid").asText();
        JsonNode c = pod.at("/spec/containers/0");
        if (!images.contains(c.path("image").asText())) {
            send(ex, 422, "image " + c.path("image").asText() + " is not available on this site");
            return;
        }
        for (JsonNode v : pod.at("/spec/volumes")) {
            if (!v.has("hostPath")) {
                send(ex, 422, "volume " + v.path("name").asText() + ": only hostPath volumes are supported here");
                return;
            }
        }
        if (pods.containsKey(uid)) {
            send(ex, 200, created(uid, pods.get(uid).jid()));
            return;
        }
        List<String> argv = new ArrayList<>();
        c.path("command").forEach(a -> argv.add(a.asText()));
        c.path("args").forEach(a -> argv.add(a.asText()));
        Path log = logs.resolve(uid + ".log");
        ProcessBuilder pb = new ProcessBuilder(argv)
                .directory(new File(c.path("workingDir").asText()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().clear();
        pb.environment().put("PATH", System.getenv("PATH"));
        c.path("env")
                .forEach(e -> pb.environment()
                        .put(e.path("name").asText(), e.path("value").asText()));
        String jid = Integer.toString(++jobs + 1000);
        if (holdJobs) {
            pods.put(uid, new Running(pod.at("/metadata/name").asText(), null, log, jid, null));
            send(ex, 200, created(uid, jid));
            return;
        }
        pods.put(uid, new Running(pod.at("/metadata/name").asText(), pb.start(), log, jid, Instant.now()));
        send(ex, 200, created(uid, jid));
    }

    private void status(HttpExchange ex, JsonNode body) throws IOException {
        ArrayNode answer = JSON.createArrayNode();
        for (JsonNode pod : body) {
            String uid = pod.at("/metadata/uid").asText();
            Running r = pods.get(uid);
            if (r == null) {
                send(ex, 404, "unknown pod " + uid);
                return;
            }
            ObjectNode s = answer.addObject();
            s.put("name", r.name());
            s.put("UID", uid);
            s.put("namespace", pod.at("/metadata/namespace").asText());
            s.put("JID", r.jid());
            s.putArray("initContainers");
            ObjectNode main = s.putArray("containers").addObject();
            main.put("name", "main");
            ObjectNode state = main.putObject("state");
            if (r.process() == null) {
                state.putObject("waiting")
                        .put("reason", "Pending")
                        .put("message", "Slurm job " + r.jid() + " pending (Resources)");
            } else if (r.process().isAlive()) {
                state.putObject("running").put("startedAt", r.started().toString());
            } else {
                state.putObject("terminated")
                        .put("exitCode", r.process().exitValue())
                        .put("reason", r.process().exitValue() == 0 ? "Completed" : "Error");
            }
        }
        send(ex, 200, answer.toString());
    }

    private void logs(HttpExchange ex, JsonNode body) throws IOException {
        Running r = pods.get(body.path("PodUID").asText());
        if (r == null) {
            send(ex, 404, "unknown pod");
            return;
        }
        send(ex, 200, Files.exists(r.log()) ? Files.readString(r.log()) : "");
    }

    private void delete(HttpExchange ex, JsonNode pod) throws IOException {
        String uid = pod.at("/metadata/uid").asText();
        deleted.add(uid);
        Running r = pods.remove(uid);
        if (r != null && r.process() != null) {
            kill(r.process());
        }
        send(ex, 200, "deleted");
    }

    private static String created(String uid, String jid) {
        return "{\"PodUID\":\"" + uid + "\",\"PodJID\":\"" + jid + "\"}";
    }

    private static void send(HttpExchange ex, int code, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(code, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            ex.getResponseBody().write(bytes);
        }
    }

    private static void kill(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
    }

    @Override
    public void close() {
        server.stop(0);
        pods.values().stream().map(Running::process).filter(p -> p != null).forEach(PluginStandIn::kill);
    }
}
