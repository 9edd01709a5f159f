package io.ponte.bench.registry;

import io.ponte.bench.common.BlockingHttp;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The calls the benchmark makes to the registry's v1alpha3 REST API, over one {@link BlockingHttp} client (Vert.x, one
 * event loop, kept-alive connections: one per concurrent caller). Callers block until the answer is in; a status other
 * than the expected one is an exception.
 */
final class RegistryApi implements AutoCloseable {

    static final String BASE = "/api/model_registry/v1alpha3";
    private static final long DEADLINE_MS = 30_000;

    private final BlockingHttp http;
    private final String token;

    RegistryApi(String url, String token, int connections) {
        this.http = new BlockingHttp(url, connections, Duration.ofMillis(DEADLINE_MS));
        this.token = token;
    }

    /** "epoll" or "nio": the transport the client runs on. */
    String transport() {
        return http.transport();
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
        BlockingHttp.Answer a = http.send(method, BASE + path, headers, body);
        if (a.status() != expected) {
            throw new IOException(method + " " + path.replaceFirst("\\?.*", "") + " answered " + a.status() + ": "
                    + a.body().substring(0, Math.min(300, a.body().length())));
        }
        return a.body();
    }

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
        http.close();
    }
}
