package io.ponte.bench.registry;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The calls the benchmark makes to the registry's v1alpha3 REST API, over one Vert.x HTTP/1.1 client (one event
 * loop, native epoll when available, kept-alive connections: one per concurrent caller). Callers block until the
 * answer is in; a status other than the expected one is an exception. Vert.x rather than {@code java.net.http}
 * because the load generator shares the 2 CPUs with the registry and PostgreSQL: in a first version
 * {@code java.net.http} spent more CPU per get (≈ 0.4 ms) than the registry did.
 */
final class RegistryApi implements AutoCloseable {

    static final String BASE = "/api/model_registry/v1alpha3";
    private static final long DEADLINE_MS = 30_000;

    private final Vertx vertx;
    private final Context context;
    private final HttpClient http;
    private final String host;
    private final int port;
    private final String token;

    RegistryApi(String url, String token, int connections) {
        URI uri = URI.create(url);
        this.host = uri.getHost();
        this.port = uri.getPort();
        this.token = token;
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setPreferNativeTransport(true));
        this.context = vertx.getOrCreateContext();
        this.http = vertx.httpClientBuilder()
                .with(new HttpClientOptions()
                        .setDefaultHost(host)
                        .setDefaultPort(port)
                        .setKeepAlive(true)
                        .setKeepAliveTimeout(600)
                        .setTcpNoDelay(true)
                        .setConnectTimeout(5000))
                .with(new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(-1))
                .build();
    }

    /** "epoll" or "nio": the transport the client runs on. */
    String transport() {
        return vertx.isNativeTransportEnabled() ? "epoll" : "nio";
    }

    /** Creates a registered model and returns its id. */
    String createModel(String name) throws IOException {
        return id(send(
                HttpMethod.POST,
                "/registered_models",
                new JsonObject().put("name", name).encode(),
                201));
    }

    /** Creates a model version from its JSON body and returns its id. */
    String createVersion(String body) throws IOException {
        return id(send(HttpMethod.POST, "/model_versions", body, 201));
    }

    /** The version's JSON text. */
    String getVersion(String id) throws IOException {
        return send(HttpMethod.GET, "/model_versions/" + id, null, 200);
    }

    /** One page of versions matching {@code filterQuery}, ordered by id, as JSON text. */
    String listVersions(String filterQuery, int pageSize) throws IOException {
        String query = "?filterQuery="
                + URLEncoder.encode(filterQuery, StandardCharsets.UTF_8).replace("+", "%20") + "&pageSize=" + pageSize;
        return send(HttpMethod.GET, "/model_versions" + query, null, 200);
    }

    /** The ids on a list page, in order. */
    static List<Long> ids(String page) {
        JsonArray items = new JsonObject(page).getJsonArray("items");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            ids.add(Long.parseLong(items.getJsonObject(i).getString("id")));
        }
        return ids;
    }

    private String send(HttpMethod method, String path, String body, int expected) throws IOException {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().add(HttpHeaders.ACCEPT, "application/json");
        if (body != null) {
            headers.add(HttpHeaders.CONTENT_TYPE, "application/json");
        }
        if (token != null && !token.isEmpty()) {
            headers.add(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        var options = new RequestOptions()
                .setMethod(method)
                .setHost(host)
                .setPort(port)
                .setURI(BASE + path)
                .setHeaders(headers)
                .setTimeout(DEADLINE_MS);
        // Start the exchange on the client's own context, so that its callbacks (response, then body) run on the event
        // loop as the bytes arrive. When it was started from the worker thread, 7 of about 110,000 creates came back
        // as 201 with an empty body although the registry had stored the version; a raw-socket client saw no such
        // answer in 100,000 creates, and none has come back since the exchange starts on the context.
        var promise = Promise.<Answer>promise();
        context.runOnContext(v -> http.request(options)
                .compose(req -> body == null ? req.send() : req.send(Buffer.buffer(body)))
                .compose(resp ->
                        resp.body().map(b -> new Answer(resp.statusCode(), b.toString(StandardCharsets.UTF_8))))
                .onComplete(promise));
        Future<Answer> answer = promise.future();
        Answer a;
        try {
            a = answer.toCompletionStage().toCompletableFuture().get(DEADLINE_MS + 1000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IOException(method + " " + path + " failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IOException(method + " " + path + " timed out", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (a.status() != expected) {
            throw new IOException(method + " " + path.replaceFirst("\\?.*", "") + " answered " + a.status() + ": "
                    + a.body().substring(0, Math.min(300, a.body().length())));
        }
        return a.body();
    }

    private record Answer(int status, String body) {}

    /** The {@code id} of a created entity; an answer that is not a JSON object is an error that shows it. */
    private static String id(String json) throws IOException {
        try {
            return new JsonObject(json).getString("id");
        } catch (DecodeException e) {
            throw new IOException(
                    "201 with a body that is not a JSON object (" + json.length() + " chars): "
                            + json.substring(0, Math.min(400, json.length())),
                    e);
        }
    }

    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}
