package io.ponte.bench.router;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;

/** The stream shape the fast upstream was started with, read from its {@code GET /bench/config}. */
record UpstreamConfig(int chunks, long chunkGapMs) {

    static UpstreamConfig fetch(Vertx vertx, Target direct) {
        HttpClient client = direct.client(vertx, 1);
        try {
            JsonObject json = client.request(HttpMethod.GET, direct.port(), direct.host(), "/bench/config")
                    .compose(req -> req.send())
                    .compose(resp -> resp.body())
                    .toCompletionStage()
                    .toCompletableFuture()
                    .join()
                    .toJsonObject();
            return new UpstreamConfig(json.getInteger("chunks"), json.getLong("chunkGapMs"));
        } finally {
            client.close();
        }
    }
}
