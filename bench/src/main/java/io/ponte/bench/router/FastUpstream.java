package io.ponte.bench.router;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * A stand-in OpenAI-compatible upstream that answers as fast as it can, run in its own process so it
 * does not share a JVM with the load generator.
 *
 * <p>{@code POST /v1/chat/completions} answers a fixed chat.completion; with {@code "stream": true}
 * it sends {@code max_tokens} (or {@code --chunks}) SSE chunks {@code --chunk-gap-ms} apart, the
 * first at once, then a usage chunk when {@code stream_options.include_usage} is true, then {@code
 * [DONE]}. {@code GET /v1/models} lists {@code bench-model}; {@code GET /bench/config} tells the
 * harness the stream shape.
 */
@Command(name = "fast-upstream", mixinStandardHelpOptions = true, description = "Fast fake OpenAI upstream.")
public final class FastUpstream implements Callable<Integer> {

    @Option(names = "--port", description = "Port on 127.0.0.1; 0 picks a free one.", defaultValue = "0")
    int port;

    @Option(names = "--port-file", description = "Write the bound port here once listening.")
    Path portFile;

    @Option(names = "--chunks", description = "Stream chunks when the request has no max_tokens.", defaultValue = "50")
    int chunks;

    @Option(names = "--chunk-gap-ms", description = "Gap between stream chunks.", defaultValue = "20")
    long chunkGapMs;

    @Option(
            names = "--instances",
            description = "Server verticles (event loops); default: available processors.",
            defaultValue = "0")
    int instances;

    public static void main(String[] args) {
        int rc = new CommandLine(new FastUpstream()).execute(args);
        if (rc != 0) {
            System.exit(rc);
        }
    }

    @Override
    public Integer call() throws Exception {
        int n = instances > 0 ? instances : Runtime.getRuntime().availableProcessors();
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(n).setPreferNativeTransport(true));
        var shape = new StreamShape(chunks, chunkGapMs);
        Set<Integer> bound = ConcurrentHashMap.newKeySet();
        int wanted = port != 0 ? port : freePort();
        // Vert.x shares one listening socket between instances on the same port and spreads connections
        // over their event loops (port 0 would give each instance a port of its own).
        vertx.deployVerticle(() -> new Server(shape, wanted, bound), new DeploymentOptions().setInstances(n))
                .toCompletionStage()
                .toCompletableFuture()
                .get();
        if (bound.size() != 1) {
            throw new IllegalStateException("instances bound different ports: " + bound);
        }
        int actual = bound.iterator().next();
        if (portFile != null) {
            Files.writeString(portFile, Integer.toString(actual));
        }
        System.out.printf(
                "fast-upstream listening on 127.0.0.1:%d (%d event loops, %s, %s)%n",
                actual, n, vertx.isNativeTransportEnabled() ? "epoll" : "nio", shape);
        return 0;
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    record StreamShape(int chunks, long gapMs) {}

    static final class Server extends AbstractVerticle {
        private static final Buffer MODELS = Buffer.buffer(
                "{\"object\":\"list\",\"data\":[{\"id\":\"bench-model\",\"object\":\"model\",\"created\":1700000000,"
                        + "\"owned_by\":\"ponte-bench\"}]}");

        private final StreamShape shape;
        private final int port;
        private final Set<Integer> bound;

        Server(StreamShape shape, int port, Set<Integer> bound) {
            this.shape = shape;
            this.port = port;
            this.bound = bound;
        }

        @Override
        public void start(Promise<Void> started) {
            var options = new HttpServerOptions()
                    .setHost("127.0.0.1")
                    .setPort(port)
                    .setTcpNoDelay(true)
                    .setAcceptBacklog(4096);
            vertx.createHttpServer(options)
                    .requestHandler(this::handle)
                    .listen()
                    .onSuccess(s -> {
                        bound.add(s.actualPort());
                        started.complete();
                    })
                    .onFailure(started::fail);
        }

        private void handle(HttpServerRequest req) {
            String path = req.path();
            if (path.equals("/v1/chat/completions") && req.method().name().equals("POST")) {
                req.body().onSuccess(body -> chat(req, body));
            } else if (path.equals("/v1/models")) {
                json(req.response(), 200, MODELS);
            } else if (path.equals("/bench/config")) {
                var config = new JsonObject().put("chunks", shape.chunks()).put("chunkGapMs", shape.gapMs());
                json(req.response(), 200, config.toBuffer());
            } else {
                json(req.response(), 404, ChatPayloads.error("no route for " + path));
            }
        }

        private void chat(HttpServerRequest req, Buffer body) {
            JsonObject request;
            try {
                request = body.toJsonObject();
            } catch (DecodeException e) {
                json(req.response(), 400, ChatPayloads.error("body is not JSON"));
                return;
            }
            String model = request.getString("model", "bench-model");
            if (!request.getBoolean("stream", false)) {
                json(req.response(), 200, ChatPayloads.completion(model));
                return;
            }
            int n = request.getInteger("max_tokens", shape.chunks());
            JsonObject streamOptions = request.getJsonObject("stream_options");
            boolean usage = streamOptions != null && streamOptions.getBoolean("include_usage", false);
            new SseStream(vertx, req.response(), model, n, shape.gapMs(), usage).start();
        }

        private static void json(HttpServerResponse response, int status, Buffer body) {
            response.setStatusCode(status)
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .end(body);
        }
    }
}
