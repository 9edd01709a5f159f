package io.ponte.router.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.OpenTelemetry;
import io.ponte.router.config.RouterConfig;
import io.ponte.router.core.BackendRegistry;
import io.ponte.router.core.RetryBackoff;
import io.ponte.router.core.TimeoutResolver;
import io.ponte.router.core.UsageExtractor;
import io.ponte.router.metrics.AccessLog;
import io.ponte.router.metrics.RouterMetrics;
import io.ponte.router.spi.BackendSelector;
import io.ponte.router.spi.RateLimiter;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;

/** What every exchange needs, gathered once (a plain singleton: its fields are read directly). */
@Singleton
class ProxyServices {

    final Vertx vertx;
    final UpstreamClient client;
    final ObjectMapper mapper;
    final BackendRegistry registry;
    final BackendSelector selector;
    final RateLimiter limiter;
    final RouterMetrics metrics;
    final OpenTelemetry telemetry;
    final RouterConfig config;
    final TimeoutResolver timeouts;
    final RetryBackoff retry;
    final UsageExtractor usage;
    final AccessLog accessLog;

    @Inject
    ProxyServices(
            Vertx vertx,
            UpstreamClient client,
            ObjectMapper mapper,
            BackendRegistry registry,
            BackendSelector selector,
            RateLimiter limiter,
            RouterMetrics metrics,
            AccessLog accessLog,
            OpenTelemetry telemetry,
            RouterConfig config) {
        this.vertx = vertx;
        this.client = client;
        this.mapper = mapper;
        this.registry = registry;
        this.selector = selector;
        this.limiter = limiter;
        this.metrics = metrics;
        this.accessLog = accessLog;
        this.telemetry = telemetry;
        this.config = config;
        Map<String, RouterConfig.TimeoutOverrides> byModel = new HashMap<>();
        config.models().forEach((model, c) -> byModel.put(model, c.timeouts()));
        this.timeouts = new TimeoutResolver(byModel);
        this.retry = new RetryBackoff(
                config.retry().maxAttempts(),
                config.retry().backoffBase(),
                config.retry().backoffMax());
        this.usage = new UsageExtractor(mapper);
    }
}
