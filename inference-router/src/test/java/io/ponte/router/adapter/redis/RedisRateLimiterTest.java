package io.ponte.router.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.ponte.router.access.ApiKey;
import io.ponte.router.access.RateDecision;
import io.ponte.router.access.RateLimiterContractTest;
import io.ponte.router.access.RateLimiterUnavailableException;
import io.ponte.router.spi.RateLimiter;
import io.ponte.router.testing.RedisService;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The contract against a real Redis (see {@link RedisService}), plus what sharing state adds. */
class RedisRateLimiterTest extends RateLimiterContractTest {

    private static final String URL = RedisService.url().orElse("redis://127.0.0.1:6379");
    private static final Duration DEADLINE = Duration.ofSeconds(2);

    private static Vertx vertx;
    private static Redis probe;
    private static boolean redisAnswers;
    private final String prefix = "ponte-test:" + UUID.randomUUID() + ":";
    private final List<RedisRateLimiter> opened = new ArrayList<>();

    @BeforeAll
    static void probeRedis() {
        vertx = Vertx.vertx();
        probe = Redis.createClient(vertx, URL);
        try {
            redisAnswers = RedisService.url().isPresent()
                    && "PONG"
                            .equals(await(probe.send(Request.cmd(Command.PING))).toString());
        } catch (RuntimeException e) {
            redisAnswers = false;
        }
    }

    @AfterAll
    static void closeVertx() {
        if (vertx != null) {
            probe.close();
            await(vertx.close());
        }
    }

    @AfterEach
    void closeLimiters() {
        opened.forEach(RedisRateLimiter::close);
    }

    /** Called before every test: skips it when no Redis answers. */
    @Override
    protected RateLimiter newLimiter(InstantSource clock) {
        assumeThat(redisAnswers).as(RedisService.WHY_ABSENT).isTrue();
        return open(URL, true, clock);
    }

    @Override
    protected void recordTokens(ApiKey key, long tokens) {
        await(((RedisRateLimiter) limiter).record(key, tokens));
    }

    private RedisRateLimiter open(String url, boolean failOpen, InstantSource clock) {
        RedisRateLimiter limiter = new RedisRateLimiter(vertx, url, prefix, failOpen, clock, DEADLINE);
        opened.add(limiter);
        return limiter;
    }

    @Test
    void two_replicas_sharing_a_prefix_enforce_one_quota() {
        RateLimiter replicaA = limiter;
        RateLimiter replicaB = newLimiter(clock);
        ApiKey key = key(3L, null);

        assertThat(admit(replicaA, key).allowed()).isTrue();
        assertThat(admit(replicaB, key).allowed()).isTrue();
        assertThat(admit(replicaA, key).allowed()).isTrue();

        assertThat(admit(replicaB, key).limit()).isEqualTo(RateDecision.REQUESTS);
        assertThat(admit(replicaA, key).limit()).isEqualTo(RateDecision.REQUESTS);
    }

    @Test
    void scripts_are_sent_again_when_redis_has_forgotten_them() {
        ApiKey key = key(1L, null);
        assertThat(admit(key).allowed()).isTrue();

        await(probe.send(Request.cmd(Command.SCRIPT).arg("FLUSH")));

        assertThat(admit(key).limit()).isEqualTo(RateDecision.REQUESTS);
    }

    @Test
    void state_keys_expire_when_their_window_has_drained() {
        ApiKey key = key(10L, 1_000L);
        admit(key);
        recordTokens(key, 500);

        Response keys = await(probe.send(Request.cmd(Command.KEYS).arg(prefix + "*")));
        assertThat(keys.size()).isEqualTo(2);
        for (Response redisKey : keys) {
            long ttl = await(probe.send(Request.cmd(Command.PTTL).arg(redisKey.toString())))
                    .toLong();
            assertThat(ttl).as("TTL of %s", redisKey).isBetween(1L, 60_000L);
        }
    }

    @Test
    void fails_open_when_redis_is_unreachable() throws IOException {
        RedisRateLimiter down = open("redis://127.0.0.1:" + closedPort(), true, clock);
        ApiKey key = key(1L, 10L);

        down.recordTokens(key, 100);

        assertThat(admit(down, key)).isEqualTo(RateDecision.ALLOW);
        assertThat(admit(down, key)).isEqualTo(RateDecision.ALLOW);
    }

    @Test
    void fails_closed_distinctly_when_redis_is_unreachable() throws IOException {
        RedisRateLimiter down = open("redis://127.0.0.1:" + closedPort(), false, clock);

        CompletionStage<RateDecision> decision = down.admit(key(1L, null));

        assertThat(decision)
                .failsWithin(Duration.ofSeconds(5))
                .withThrowableOfType(ExecutionException.class)
                .havingCause()
                .isInstanceOf(RateLimiterUnavailableException.class)
                .withMessageContaining("unreachable");
    }

    @Test
    void a_redis_that_does_not_answer_within_the_deadline_counts_as_unreachable() throws IOException {
        try (ServerSocket silent = new ServerSocket(0)) {
            RedisRateLimiter stuck = new RedisRateLimiter(
                    vertx, "redis://127.0.0.1:" + silent.getLocalPort(), prefix, false, clock, Duration.ofMillis(200));
            opened.add(stuck);

            assertThat(stuck.admit(key(1L, null)))
                    .failsWithin(Duration.ofSeconds(5))
                    .withThrowableOfType(ExecutionException.class)
                    .havingCause()
                    .isInstanceOf(RateLimiterUnavailableException.class);
        }
    }

    @Test
    void an_admission_started_on_an_event_loop_completes_on_it() {
        ApiKey key = key(5L, null);
        CompletableFuture<Boolean> sameThread = new CompletableFuture<>();

        vertx.runOnContext(v -> {
            Thread caller = Thread.currentThread();
            limiter.admit(key).whenComplete((decision, error) -> sameThread.complete(Thread.currentThread() == caller));
        });

        assertThat(sameThread).succeedsWithin(Duration.ofSeconds(5)).isEqualTo(true);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(3, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
