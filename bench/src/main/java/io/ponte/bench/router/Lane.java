package io.ponte.bench.router;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.RequestOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A client for one target driven from one event-loop context: every call on a lane must be made on
 * its context, so a run never hops threads between sending and timing a request.
 */
final class Lane {
    private final Target target;
    private final Context context;
    private final HttpClient client;
    private final RequestOptions request;

    private Lane(Target target, Context context, HttpClient client) {
        this.target = target;
        this.context = context;
        this.client = client;
        this.request = target.chatRequest();
    }

    static Lane open(Vertx vertx, Context context, Target target, int connections) {
        return new Lane(target, context, target.client(vertx, connections));
    }

    /**
     * {@code threads} lanes for one target, each on its own event loop, sharing {@code connections}
     * between them.
     */
    static List<Lane> spread(Vertx vertx, Target target, int threads, int connections) {
        List<Lane> lanes = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            int share = connections / threads + (i < connections % threads ? 1 : 0);
            lanes.add(open(vertx, vertx.getOrCreateContext(), target, Math.max(1, share)));
        }
        return lanes;
    }

    Target target() {
        return target;
    }

    Context context() {
        return context;
    }

    /** Posts {@code body} and completes with the status once the whole response has arrived. */
    Future<Integer> call(Buffer body) {
        return client.request(request)
                .compose(req -> req.send(body))
                .compose(resp -> resp.body().map(b -> b.length() > 0 ? resp.statusCode() : -1));
    }

    /** Posts {@code body} and completes with the response, its body not yet read. */
    Future<HttpClientResponse> open(Buffer body) {
        return client.request(request).compose(req -> req.send(body));
    }

    void close() {
        client.close();
    }

    /** Runs {@code action} on each lane's context and waits for all of them to finish. */
    static <T> List<T> onEach(List<Lane> lanes, java.util.function.Function<Lane, Future<T>> action) {
        List<CompletableFuture<T>> done = new ArrayList<>();
        for (Lane lane : lanes) {
            var f = new CompletableFuture<T>();
            lane.context.runOnContext(v -> action.apply(lane).onComplete(ar -> {
                if (ar.succeeded()) {
                    f.complete(ar.result());
                } else {
                    f.completeExceptionally(ar.cause());
                }
            }));
            done.add(f);
        }
        return done.stream().map(CompletableFuture::join).toList();
    }
}
