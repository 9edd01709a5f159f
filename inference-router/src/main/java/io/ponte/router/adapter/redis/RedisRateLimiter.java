package io.ponte.router.adapter.redis;

import io.ponte.router.access.ApiKey;
import io.ponte.router.access.Gcra;
import io.ponte.router.access.RateDecision;
import io.ponte.router.access.RateLimiterUnavailableException;
import io.ponte.router.spi.RateLimiter;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Response;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Keeps each key's {@link Gcra} state in Redis, so that every router replica sharing the key prefix
 * enforces one quota. An admission is one atomic {@code EVALSHA}; recording tokens is another, sent
 * without waiting. The time comes from this replica's clock and is passed into the scripts, so
 * replicas need reasonably synchronised clocks (NTP). Every Redis key expires once its state is back
 * to "nothing outstanding", at most two minutes after its last use.
 *
 * <p>When Redis does not answer within the deadline, admissions are allowed (fail open, with a WARN at
 * most every 30 s) or fail with {@link RateLimiterUnavailableException} (fail closed).
 */
public final class RedisRateLimiter implements RateLimiter, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RedisRateLimiter.class);
    private static final CompletionStage<RateDecision> ALLOWED = CompletableFuture.completedStage(RateDecision.ALLOW);

    private final Redis redis;
    private final String prefix;
    private final boolean failOpen;
    private final InstantSource clock;
    private final long deadlineMillis;
    private final ThrottledWarning admitWarning = new ThrottledWarning(LOG, TimeUnit.SECONDS.toNanos(30));
    private final ThrottledWarning recordWarning = new ThrottledWarning(LOG, TimeUnit.SECONDS.toNanos(30));

    /**
     * @param url e.g. {@code redis://127.0.0.1:6379} (user and password may be in it)
     * @param prefix prepended to every Redis key; replicas sharing it share quotas
     * @param failOpen allow requests while Redis is unreachable, instead of refusing them
     * @param deadline how long one Redis call (connecting included) may take
     */
    public RedisRateLimiter(
            Vertx vertx, String url, String prefix, boolean failOpen, InstantSource clock, Duration deadline) {
        this.deadlineMillis = Math.max(1, deadline.toMillis());
        RedisOptions options =
                new RedisOptions().setConnectionString(url).setMaxPoolSize(16).setMaxPoolWaiting(4096);
        options.getNetClientOptions().setConnectTimeout((int) Math.min(deadlineMillis, Integer.MAX_VALUE));
        this.redis = Redis.createClient(vertx, options);
        this.prefix = prefix;
        this.failOpen = failOpen;
        this.clock = clock;
    }

    @Override
    public CompletionStage<RateDecision> admit(ApiKey key) {
        if (!key.limited()) {
            return ALLOWED;
        }
        Context caller = Vertx.currentContext();
        Future<RateDecision> decision = Scripts.ADMIT
                .run(
                        redis,
                        keys(key),
                        Gcra.nowMicros(clock),
                        Gcra.interval(key.requestsPerMinute()),
                        Gcra.interval(key.tokensPerMinute()))
                .timeout(deadlineMillis, TimeUnit.MILLISECONDS)
                .map(RedisRateLimiter::decision)
                .recover(this::unreachable);
        return OnContext.complete(decision, caller);
    }

    @Override
    public void recordTokens(ApiKey key, long tokens) {
        record(key, tokens);
    }

    /** {@link #recordTokens}, telling when it is done: for tests. */
    Future<?> record(ApiKey key, long tokens) {
        if (tokens <= 0 || key.tokensPerMinute().isEmpty()) {
            return Future.succeededFuture();
        }
        long increment = Gcra.tokenIncrement(tokens, key.tokensPerMinute().getAsLong());
        return Scripts.RECORD_TOKENS
                .run(redis, keys(key), Gcra.nowMicros(clock), increment)
                .timeout(deadlineMillis, TimeUnit.MILLISECONDS)
                .onFailure(
                        error -> recordWarning.warn("Could not record tokens in Redis; they are not counted", error));
    }

    @Override
    public void close() {
        redis.close();
    }

    private String[] keys(ApiKey key) {
        // The hash tag keeps both keys of one API key in the same Redis Cluster slot.
        String base = prefix + '{' + key.name() + "}:";
        return new String[] {base + "requests", base + "tokens"};
    }

    private static RateDecision decision(Response reply) {
        long requestWait = reply.get(0).toLong();
        long tokenWait = reply.get(1).toLong();
        return requestWait > 0 || tokenWait > 0 ? Gcra.refusal(requestWait, tokenWait) : RateDecision.ALLOW;
    }

    private Future<RateDecision> unreachable(Throwable error) {
        if (failOpen) {
            admitWarning.warn("Redis rate limiter unreachable; allowing requests unlimited (fail-open)", error);
            return Future.succeededFuture(RateDecision.ALLOW);
        }
        admitWarning.warn("Redis rate limiter unreachable; refusing requests with 503 (fail-closed)", error);
        return Future.failedFuture(new RateLimiterUnavailableException(error));
    }
}
