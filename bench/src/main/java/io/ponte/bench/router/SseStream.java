package io.ponte.bench.router;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;

/** One server-sent chat stream of the fast upstream: first chunk at once, the rest on a fixed cadence. */
final class SseStream {
    private final Vertx vertx;
    private final HttpServerResponse response;
    private final String model;
    private final int chunks;
    private final long gapMs;
    private final boolean usage;
    private int sent;
    private long timer = -1;

    SseStream(Vertx vertx, HttpServerResponse response, String model, int chunks, long gapMs, boolean usage) {
        this.vertx = vertx;
        this.response = response;
        this.model = model;
        this.chunks = Math.max(1, chunks);
        this.gapMs = Math.max(1, gapMs);
        this.usage = usage;
    }

    void start() {
        response.setChunked(true)
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/event-stream")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
        response.closeHandler(v -> cancel());
        next();
        if (sent < chunks) {
            // Fixed-rate timer: the cadence does not drift by the time each write takes.
            timer = vertx.setPeriodic(gapMs, id -> next());
        }
    }

    private void next() {
        if (response.closed()) {
            cancel();
            return;
        }
        response.write(ChatPayloads.chunk(model, sent, chunks, usage));
        sent++;
        if (sent == chunks) {
            cancel();
            if (usage) {
                response.write(ChatPayloads.usageChunk(model, chunks));
            }
            response.end(ChatPayloads.done());
        }
    }

    private void cancel() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
            timer = -1;
        }
    }
}
