package io.ponte.router.access;

import io.ponte.router.adapter.redis.RedisRateLimiter;
import io.ponte.router.config.RouterConfig;
import io.ponte.router.config.RouterConfig.LimiterConfig;
import io.ponte.router.spi.RateLimiter;
import io.quarkus.runtime.Startup;
import io.vertx.core.Vertx;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.InstantSource;
import org.jboss.logging.Logger;

/** Chooses the {@link RateLimiter}: shared in Redis when {@code ponte.router.limiter.redis-url} is set. */
@Singleton
class RateLimiterProducer {

    private static final Logger LOG = Logger.getLogger(RateLimiterProducer.class);

    @Produces
    @Singleton
    @Startup
    RateLimiter rateLimiter(RouterConfig config, Vertx vertx) {
        LimiterConfig limiter = config.limiter();
        if (limiter.redisUrl().isEmpty()) {
            LOG.info("Rate limits are kept in process: each router replica grants every key its full quota");
            return new InProcessRateLimiter(InstantSource.system());
        }
        String url = limiter.redisUrl().get();
        LOG.infof(
                "Rate limits are shared in Redis at %s under prefix '%s'; when Redis is down requests are %s",
                endpoint(url),
                limiter.redisPrefix(),
                limiter.failOpen() ? "allowed (fail-open)" : "refused with 503 (fail-closed)");
        return new RedisRateLimiter(
                vertx, url, limiter.redisPrefix(), limiter.failOpen(), InstantSource.system(), limiter.timeout());
    }

    void close(@Disposes RateLimiter limiter) throws Exception {
        if (limiter instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    /** Where a Redis URL points, without the credentials it may hold. */
    static String endpoint(String url) {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            uri = null; // the message would echo the URL, password included
        }
        if (uri != null && "unix".equals(uri.getScheme()) && uri.getPath() != null) {
            return "unix://" + uri.getPath();
        }
        if (uri == null || uri.getHost() == null || !uri.getScheme().matches("rediss?")) {
            throw new IllegalArgumentException("ponte.router.limiter.redis-url must look like redis://host:6379"
                    + " (or rediss://user:password@host:port/db, or unix:///path/to/socket)");
        }
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() >= 0 ? ":" + uri.getPort() : "");
    }
}
