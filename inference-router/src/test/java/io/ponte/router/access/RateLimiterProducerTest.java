package io.ponte.router.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ponte.router.adapter.redis.RedisRateLimiter;
import io.ponte.router.config.RouterConfig;
import io.ponte.router.spi.RateLimiter;
import io.vertx.core.Vertx;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RateLimiterProducerTest {

    record Limiter(Optional<String> redisUrl, String redisPrefix, boolean failOpen)
            implements RouterConfig.LimiterConfig {
        @Override
        public Duration timeout() {
            return Duration.ofMillis(500);
        }
    }

    private final RateLimiterProducer producer = new RateLimiterProducer();

    @Test
    void keeps_limits_in_process_without_a_redis_url() throws Exception {
        RateLimiter limiter = producer.rateLimiter(config(Optional.empty()), null);

        assertThat(limiter).isInstanceOf(InProcessRateLimiter.class);
        producer.close(limiter);
    }

    @Test
    void shares_limits_in_redis_with_a_redis_url() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            RateLimiter limiter = producer.rateLimiter(config(Optional.of("redis://127.0.0.1:6379")), vertx);

            assertThat(limiter).isInstanceOf(RedisRateLimiter.class);
            producer.close(limiter);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    @Test
    void logs_where_redis_is_without_credentials() {
        assertThat(RateLimiterProducer.endpoint("redis://ponte:s3cret@redis.infra:6380/2"))
                .isEqualTo("redis://redis.infra:6380");
        assertThat(RateLimiterProducer.endpoint("rediss://redis.infra")).isEqualTo("rediss://redis.infra");
        assertThat(RateLimiterProducer.endpoint("unix:///run/redis.sock")).isEqualTo("unix:///run/redis.sock");
    }

    @Test
    void a_malformed_redis_url_fails_without_echoing_it() {
        assertThatThrownBy(() -> RateLimiterProducer.endpoint("http://:s3cret@[bad"))
                .hasMessageContaining("ponte.router.limiter.redis-url")
                .hasMessageNotContaining("s3cret")
                .hasNoCause();
        assertThatThrownBy(() -> RateLimiterProducer.endpoint("localhost:6379"))
                .hasMessageContaining("redis://host:6379");
    }

    private static RouterConfig config(Optional<String> redisUrl) {
        Limiter limiter = new Limiter(redisUrl, "ponte:rl:", true);
        return (RouterConfig) Proxy.newProxyInstance(
                RouterConfig.class.getClassLoader(), new Class<?>[] {RouterConfig.class}, (proxy, method, args) -> {
                    if (method.getName().equals("limiter")) {
                        return limiter;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
