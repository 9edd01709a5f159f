package io.ponte.router.http;

import io.netty.buffer.Unpooled;
import io.opentelemetry.context.Context;
import io.ponte.router.core.Pool;
import io.ponte.router.core.Replica;
import io.ponte.router.core.Timeouts;
import io.ponte.router.core.Usage;
import io.ponte.router.core.UsageExtractor.UsageChunk;
import io.ponte.router.metrics.AccessLog;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * One client request on its way through the router: replica choice, the upstream attempts, the
 * relay of the answer and the bookkeeping at the end.
 *
 * <p>Everything runs on the event loop of the client's connection, so the state needs no locks.
 * The invariant that drives retries: an attempt may be retried on another replica only while
 * nothing has been written to the client ({@link #committed} is false).
 */
final class ProxyExchange {

    private static final String SSE = "text/event-stream";

    private final ProxyServices s;
    private final Call call;
    private final Pool pool;
    private final HttpServerResponse response;
    private final String requestId;
    private final long arrivalNanos;
    private final Set<Replica> tried = new HashSet<>(4);

    private int attempts;
    private int generation;
    private Replica replica;
    private boolean holdingReplica;
    private Timeouts timeouts;
    private HttpClientRequest upstream;
    private long attemptTimer = -1;
    private long totalTimer = -1;
    private long backoffTimer = -1;
    private long phaseStartNanos;
    private long overheadNanos;
    private long firstEventNanos;
    private long relayStartNanos;
    private long lastActivityNanos;
    private boolean idleWatch;
    private boolean committed;
    private boolean finished;
    private boolean sawEvent;
    private Usage usage;
    private Failure lastFailure;

    ProxyExchange(
            ProxyServices services,
            Call call,
            Pool pool,
            HttpServerResponse response,
            String requestId,
            long arrivalNanos) {
        this.s = services;
        this.call = call;
        this.pool = pool;
        this.response = response;
        this.requestId = requestId;
        this.arrivalNanos = arrivalNanos;
    }

    /** Starts the first attempt; the exchange then drives itself to completion. */
    void start(long readyNanos) {
        overheadNanos = readyNanos - arrivalNanos;
        response.closeHandler(v -> clientClosed());
        attempt();
    }

    private void attempt() {
        backoffTimer = -1;
        if (finished) {
            return;
        }
        Optional<Replica> next = s.selector.choose(pool, tried);
        if (next.isEmpty()) {
            fail(new Failure(
                    "no_replica",
                    503,
                    "no_backend_available",
                    "No backend is available for model '" + call.model() + "'.",
                    false,
                    null,
                    null));
            return;
        }
        replica = next.get();
        tried.add(replica);
        attempts++;
        int gen = ++generation;
        idleWatch = false;
        replica.acquire();
        holdingReplica = true;
        timeouts = s.timeouts.resolve(call.model(), replica);
        if (attempts == 1 && totalTimer < 0) {
            timeouts.totalCap().ifPresent(t -> totalTimer = s.vertx.setTimer(t.toMillis(), id -> totalTimeout()));
        }
        phaseStartNanos = System.nanoTime();
        armTimer(
                timeouts.firstByte().toMillis(),
                () -> attemptFailed(Failure.firstByteTimeout(
                        replica.name(), timeouts.firstByte().toMillis())));
        s.client.open(replica, call.method(), call.path(), timeouts.connect()).onComplete(ar -> {
            if (gen != generation || finished) {
                if (ar.succeeded()) {
                    ar.result().reset();
                }
                return;
            }
            if (ar.failed()) {
                attemptFailed(Failure.connect(replica.name(), ar.cause()));
                return;
            }
            send(ar.result(), gen);
        });
    }

    private void send(HttpClientRequest request, int gen) {
        upstream = request;
        var headers = request.headers();
        if (call.body() != null) {
            headers.set(HttpHeaders.CONTENT_TYPE, "application/json");
        }
        headers.set(HttpHeaders.ACCEPT, call.stream() ? SSE : "application/json");
        headers.set("x-request-id", requestId);
        replica.spec().apiKey().ifPresent(key -> headers.set(HttpHeaders.AUTHORIZATION, "Bearer " + key));
        s.telemetry
                .getPropagators()
                .getTextMapPropagator()
                .inject(Context.current(), headers, (h, k, v) -> h.set(k, v));
        overheadNanos += System.nanoTime() - phaseStartNanos;
        Buffer body = call.body() == null ? Buffer.buffer() : Buffer.buffer(call.body());
        request.send(body).onComplete(ar -> {
            if (gen != generation || finished) {
                return;
            }
            if (ar.failed()) {
                attemptFailed(Failure.reset(replica.name(), ar.cause()));
            } else {
                onResponse(ar.result(), gen);
            }
        });
    }

    private void onResponse(HttpClientResponse r, int gen) {
        int status = r.statusCode();
        if (status == 429 || status >= 500) {
            String retryAfter = r.getHeader(HttpHeaders.RETRY_AFTER);
            r.body().onComplete(ar -> {
                if (gen == generation && !finished) {
                    attemptFailed(
                            Failure.status(replica.name(), status, retryAfter, ar.succeeded() ? ar.result() : null));
                }
            });
            return;
        }
        replica.outlier().success();
        String type = r.getHeader(HttpHeaders.CONTENT_TYPE);
        if (call.stream() && status == 200 && type != null && type.startsWith(SSE)) {
            relayStream(r, gen);
        } else {
            relayWhole(r, gen);
        }
    }

    private void relayStream(HttpClientResponse r, int gen) {
        SseEventSplitter splitter = new SseEventSplitter((data, offset, length) -> onEvent(r, data, offset, length));
        r.handler(chunk -> {
            if (gen != generation || finished) {
                return;
            }
            touch();
            relayStartNanos = System.nanoTime();
            splitter.feed(chunk.getBytes());
        });
        r.exceptionHandler(t -> {
            if (gen == generation && !finished) {
                upstreamBroke(Failure.reset(replica.name(), t));
            }
        });
        r.endHandler(v -> {
            if (gen != generation || finished) {
                return;
            }
            byte[] rest = splitter.remainder();
            if (!committed && !sawEvent) {
                attemptFailed(Failure.emptyStream(replica.name()));
                return;
            }
            if (rest.length > 0) {
                commit(r);
                response.write(Buffer.buffer(rest));
            }
            commit(r);
            response.end();
            finish(200, "ok");
        });
    }

    private void onEvent(HttpClientResponse r, byte[] data, int offset, int length) {
        sawEvent = true;
        Optional<UsageChunk> chunk = s.usage.fromEvent(data, offset, length);
        if (chunk.isPresent()) {
            usage = chunk.get().usage();
            if (call.stripUsageChunk() && chunk.get().usageOnly()) {
                return;
            }
        }
        commit(r);
        response.write(Buffer.buffer(Unpooled.wrappedBuffer(data, offset, length)));
        if (response.writeQueueFull()) {
            r.pause();
            response.drainHandler(v -> r.resume());
        }
    }

    private void relayWhole(HttpClientResponse r, int gen) {
        Buffer body = Buffer.buffer();
        int limit = s.config.maxResponseBytes();
        r.handler(chunk -> {
            if (gen != generation || finished) {
                return;
            }
            touch();
            if (body.length() + chunk.length() > limit) {
                attemptFailed(Failure.tooLarge(replica.name(), limit));
                return;
            }
            body.appendBuffer(chunk);
        });
        r.exceptionHandler(t -> {
            if (gen == generation && !finished) {
                attemptFailed(Failure.reset(replica.name(), t));
            }
        });
        r.endHandler(v -> {
            if (gen != generation || finished) {
                return;
            }
            relayStartNanos = System.nanoTime();
            if (r.statusCode() / 100 == 2) {
                usage = s.usage.fromBody(body.getBytes()).orElse(null);
            }
            commit(r);
            response.end(body);
            finish(r.statusCode(), r.statusCode() / 100 == 2 ? "ok" : "upstream_client_error");
        });
    }

    /** Sends the status line and headers, once, just before the first body byte. */
    private void commit(HttpClientResponse r) {
        if (committed) {
            return;
        }
        committed = true;
        long now = System.nanoTime();
        firstEventNanos = now;
        response.setStatusCode(r.statusCode());
        String type = r.getHeader(HttpHeaders.CONTENT_TYPE);
        if (type != null) {
            response.putHeader(HttpHeaders.CONTENT_TYPE, type);
        }
        if (call.stream() && type != null && type.startsWith(SSE)) {
            response.setChunked(true);
            response.putHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
            response.putHeader("x-accel-buffering", "no");
        }
        putPonteHeaders(now);
    }

    private void putPonteHeaders(long now) {
        long overhead = overheadNanos + (relayStartNanos > 0 ? now - relayStartNanos : 0);
        Responses.ponteHeaders(
                response, requestId, replica == null ? "none" : replica.name(), attempts, overhead / 1000);
    }

    private void attemptFailed(Failure failure) {
        if (finished) {
            return;
        }
        cancel(attemptTimer);
        attemptTimer = -1;
        generation++;
        if (upstream != null) {
            upstream.reset();
            upstream = null;
        }
        long now = System.nanoTime();
        s.metrics.upstreamError(replica.name(), failure.kind());
        if (failure.ejects()) {
            replica.outlier()
                    .failure(
                            now,
                            s.config.health().ejectAfterFailures(),
                            s.config.health().ejection(),
                            s.config.health().maxEjection());
        }
        releaseReplica();
        lastFailure = failure;
        if (committed) {
            upstreamBroke(failure);
            return;
        }
        if (!s.retry.canRetryAfter(attempts)) {
            fail(failure);
            return;
        }
        long delay = s.retry.delayMillisAfter(attempts);
        if (delay <= 0) {
            s.vertx.runOnContext(v -> attempt());
        } else {
            backoffTimer = s.vertx.setTimer(delay, id -> attempt());
        }
    }

    /** The upstream failed after the client got bytes: end the stream with an error event. */
    private void upstreamBroke(Failure failure) {
        if (finished) {
            return;
        }
        if (!committed) {
            attemptFailed(failure);
            return;
        }
        generation++;
        if (upstream != null) {
            upstream.reset();
        }
        if (call.stream()) {
            response.end(ApiError.upstream(failure.status(), failure.code(), failure.message())
                    .sseEvent(s.mapper));
        } else {
            response.reset();
        }
        finish(failure.status(), "upstream_broke");
    }

    private void idleTimeout() {
        Failure f = new Failure(
                "timeout_idle",
                504,
                "upstream_timeout",
                "Backend " + replica.name() + " went silent for longer than the idle timeout ("
                        + timeouts.idle().toMillis() + " ms).",
                true,
                null,
                null);
        if (committed) {
            s.metrics.upstreamError(replica.name(), f.kind());
            upstreamBroke(f);
        } else {
            attemptFailed(f);
        }
    }

    private void totalTimeout() {
        totalTimer = -1;
        if (finished) {
            return;
        }
        Failure f = new Failure(
                "timeout_total",
                504,
                "upstream_timeout",
                "The request exceeded its total time limit.",
                false,
                null,
                null);
        if (committed) {
            upstreamBroke(f);
        } else {
            generation++;
            if (upstream != null) {
                upstream.reset();
            }
            fail(f);
        }
    }

    /** Answers the client with an error: nothing was sent yet. */
    private void fail(Failure failure) {
        ApiError error = failure.status() == 429
                ? new ApiError(429, "rate_limit_error", failure.code(), null, failure.message())
                : ApiError.upstream(failure.status(), failure.code(), failure.message());
        if (failure.retryAfter() != null) {
            response.putHeader(HttpHeaders.RETRY_AFTER, failure.retryAfter());
        }
        committed = true;
        response.setStatusCode(error.status());
        response.putHeader(HttpHeaders.CONTENT_TYPE, "application/json");
        putPonteHeaders(System.nanoTime());
        response.end(error.body(s.mapper, call.style()));
        finish(error.status(), failure.kind());
    }

    private void clientClosed() {
        // HTTP/2 streams report a close after a complete response too: only an unfinished one is a hang-up.
        if (finished || response.ended()) {
            return;
        }
        generation++;
        if (upstream != null) {
            upstream.reset();
        }
        finish(499, "client_closed");
    }

    /** Notes upstream activity; the first call swaps the first-byte deadline for the idle one. */
    private void touch() {
        lastActivityNanos = System.nanoTime();
        if (!idleWatch) {
            idleWatch = true;
            armIdle(timeouts.idle().toMillis());
        }
    }

    /** One timer per silence, not one per chunk: it re-arms for what is left when activity came meanwhile. */
    private void armIdle(long millis) {
        cancel(attemptTimer);
        int gen = generation;
        attemptTimer = s.vertx.setTimer(Math.max(1, millis), id -> {
            if (gen != generation || finished) {
                return;
            }
            long quiet = System.nanoTime() - lastActivityNanos;
            long idle = timeouts.idle().toNanos();
            if (quiet >= idle) {
                idleTimeout();
            } else {
                armIdle((idle - quiet) / 1_000_000 + 1);
            }
        });
    }

    private void armTimer(long millis, Runnable onFire) {
        cancel(attemptTimer);
        int gen = generation;
        attemptTimer = s.vertx.setTimer(Math.max(1, millis), id -> {
            if (gen == generation && !finished) {
                onFire.run();
            }
        });
    }

    private void cancel(long timer) {
        if (timer >= 0) {
            s.vertx.cancelTimer(timer);
        }
    }

    private void releaseReplica() {
        if (holdingReplica) {
            holdingReplica = false;
            replica.release();
        }
    }

    private void finish(int status, String outcome) {
        if (finished) {
            return;
        }
        finished = true;
        cancel(attemptTimer);
        cancel(totalTimer);
        cancel(backoffTimer);
        releaseReplica();
        long now = System.nanoTime();
        String backend = replica == null ? "none" : replica.name();
        s.metrics.request(call.endpoint(), call.model(), backend, status, outcome, now - arrivalNanos);
        if (call.stream() && firstEventNanos > 0) {
            s.metrics.timeToFirstToken(call.model(), firstEventNanos - arrivalNanos);
        }
        Usage u = usage == null ? Usage.NONE : usage;
        if (usage != null) {
            s.metrics.tokens(call.model(), backend, call.key().name(), u.promptTokens(), u.completionTokens());
            if (call.key().limited()) {
                s.limiter.recordTokens(call.key(), u.totalTokens());
            }
        } else if ("ok".equals(outcome)) {
            s.metrics.usageMissing(call.model(), backend);
        }
        if (s.accessLog.enabled()) {
            s.accessLog.write(new AccessLog.Entry(
                    requestId,
                    call.key().name(),
                    call.endpoint(),
                    call.model(),
                    backend,
                    status,
                    outcome,
                    attempts,
                    call.stream(),
                    (now - arrivalNanos) / 1000,
                    firstEventNanos > 0 ? (firstEventNanos - arrivalNanos) / 1000 : -1,
                    overheadNanos / 1000,
                    u.promptTokens(),
                    u.completionTokens()));
        }
    }
}
