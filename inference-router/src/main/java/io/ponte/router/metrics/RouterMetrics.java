package io.ponte.router.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.ponte.router.config.RouterConfig.Protocol;
import io.ponte.router.core.BackendRegistry;
import io.ponte.router.core.Pool;
import io.ponte.router.core.Replica;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The router's Prometheus metrics. Meters are looked up once per tag combination and cached, so the
 * per-request cost is a hash lookup and an atomic add.
 */
@Singleton
public class RouterMetrics {

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    private final Map<String, Boolean> gauges = new ConcurrentHashMap<>();

    @Inject
    public RouterMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** One finished request. */
    public void request(String endpoint, String model, String backend, int status, String outcome, long nanos) {
        String key = endpoint + '\0' + model + '\0' + backend + '\0' + status + '\0' + outcome;
        counter(
                        key,
                        k -> Counter.builder("ponte.router.requests")
                                .description("Requests answered, by endpoint, model, backend, status and outcome")
                                .tags("endpoint", endpoint, "model", model, "backend", backend)
                                .tag("status", Integer.toString(status))
                                .tag("outcome", outcome)
                                .register(registry))
                .increment();
        timer(
                        "d\0" + endpoint + '\0' + model,
                        k -> Timer.builder("ponte.router.request.duration")
                                .description("Time from request arrival to the end of the response")
                                .tags("endpoint", endpoint, "model", model)
                                .publishPercentileHistogram()
                                .maximumExpectedValue(Duration.ofMinutes(10))
                                .register(registry))
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    /** Time to first token (first relayed event) of a stream. */
    public void timeToFirstToken(String model, long nanos) {
        timer(
                        "t\0" + model,
                        k -> Timer.builder("ponte.router.time.to.first.token")
                                .description("Time from request arrival to the first streamed event sent to the client")
                                .tag("model", model)
                                .publishPercentileHistogram()
                                .maximumExpectedValue(Duration.ofMinutes(5))
                                .register(registry))
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    /** Tokens consumed by one request. */
    public void tokens(String model, String backend, String apiKey, long prompt, long completion) {
        tokenCounter(model, backend, apiKey, "prompt").increment(prompt);
        tokenCounter(model, backend, apiKey, "completion").increment(completion);
    }

    /** A failed upstream attempt ({@code connect}, {@code timeout}, {@code status_5xx}…). */
    public void upstreamError(String backend, String kind) {
        counter(
                        "e\0" + backend + '\0' + kind,
                        k -> Counter.builder("ponte.router.upstream.errors")
                                .description("Failed upstream attempts, by backend and kind")
                                .tags("backend", backend, "kind", kind)
                                .register(registry))
                .increment();
    }

    /** Streams whose backend never reported usage. */
    public void usageMissing(String model, String backend) {
        counter(
                        "u\0" + model + '\0' + backend,
                        k -> Counter.builder("ponte.router.usage.missing")
                                .description("Completed requests for which the backend reported no usage")
                                .tags("model", model, "backend", backend)
                                .register(registry))
                .increment();
    }

    /** Keeps pool-size and in-flight gauges in step with the registry. */
    public void track(BackendRegistry backends) {
        backends.onChange(this::registerGauges);
        registerGauges(backends);
    }

    private void registerGauges(BackendRegistry backends) {
        for (Protocol protocol : Protocol.values()) {
            for (Pool pool : backends.pools(protocol)) {
                String model = pool.model();
                gauges.computeIfAbsent("p\0" + model, k -> {
                    Gauge.builder("ponte.router.pool.replicas", backends, b -> poolSize(b, model, false))
                            .description("Replicas serving a model")
                            .tags("model", model, "state", "total")
                            .register(registry);
                    Gauge.builder("ponte.router.pool.replicas", backends, b -> poolSize(b, model, true))
                            .tags("model", model, "state", "available")
                            .register(registry);
                    return true;
                });
            }
        }
        for (Replica replica : backends.replicas()) {
            String name = replica.name();
            gauges.computeIfAbsent("i\0" + name, k -> {
                Gauge.builder(
                                "ponte.router.backend.inflight",
                                backends,
                                b -> b.replica(name).map(Replica::inFlight).orElse(0))
                        .description("Requests in flight to a backend")
                        .tag("backend", name)
                        .register(registry);
                return true;
            });
        }
    }

    private static double poolSize(BackendRegistry backends, String model, boolean availableOnly) {
        long now = System.nanoTime();
        double n = 0;
        for (Protocol protocol : Protocol.values()) {
            var pool = backends.pool(protocol, model);
            if (pool.isPresent()) {
                n += pool.get().replicas().stream()
                        .filter(r -> !availableOnly || r.available(now))
                        .count();
            }
        }
        return n;
    }

    private Counter tokenCounter(String model, String backend, String apiKey, String kind) {
        return counter(
                "k\0" + model + '\0' + backend + '\0' + apiKey + '\0' + kind,
                k -> Counter.builder("ponte.router.tokens")
                        .description("Tokens consumed, by model, backend, API key and kind")
                        .tags("model", model, "backend", backend, "api_key", apiKey, "kind", kind)
                        .register(registry));
    }

    private Counter counter(String key, Function<String, Counter> create) {
        Counter c = counters.get(key);
        return c != null ? c : counters.computeIfAbsent(key, create);
    }

    private Timer timer(String key, Function<String, Timer> create) {
        Timer t = timers.get(key);
        return t != null ? t : timers.computeIfAbsent(key, create);
    }
}
