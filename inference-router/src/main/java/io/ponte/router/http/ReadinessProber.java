package io.ponte.router.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.ponte.router.config.RouterConfig;
import io.ponte.router.config.RouterConfig.Protocol;
import io.ponte.router.core.BackendRegistry;
import io.ponte.router.core.Replica;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Active readiness probes: every replica's probe path is fetched on an interval; a failing replica
 * leaves routing until it answers again. OpenAI backends configured without model names have them
 * learned from the {@code GET /models} answer.
 */
@ApplicationScoped
class ReadinessProber {

    private static final Logger LOG = Logger.getLogger(ReadinessProber.class);

    @Inject
    Vertx vertx;

    @Inject
    UpstreamClient client;

    @Inject
    BackendRegistry registry;

    @Inject
    RouterConfig config;

    @Inject
    ProxyServices services;

    private long timer = -1;

    void start(@Observes StartupEvent event) {
        Duration interval = config.health().probeInterval();
        if (!interval.isZero()) {
            probeAll();
            timer = vertx.setPeriodic(interval.toMillis(), id -> probeAll());
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** Probes every replica once. */
    void probeAll() {
        for (Replica replica : registry.replicas()) {
            probe(replica);
        }
    }

    private void probe(Replica replica) {
        Duration timeout = config.health().probeTimeout();
        client.open(replica, HttpMethod.GET, replica.spec().probePath(), timeout)
                .compose(request -> {
                    request.idleTimeout(timeout.toMillis());
                    replica.spec().apiKey().ifPresent(k -> request.putHeader("authorization", "Bearer " + k));
                    return request.send();
                })
                .compose(response -> response.body().map(body -> {
                    boolean ok = response.statusCode() / 100 == 2;
                    if (ok) {
                        learnModels(replica, body);
                    }
                    return ok;
                }))
                .onComplete(ar -> mark(replica, ar.succeeded() && ar.result()));
    }

    private void learnModels(Replica replica, Buffer body) {
        boolean configured = config.backends().containsKey(replica.name())
                && config.backends().get(replica.name()).models().isPresent();
        if (replica.spec().protocol() != Protocol.OPENAI
                || configured
                || !"static".equals(replica.spec().source())) {
            return;
        }
        try {
            JsonNode data = services.mapper.readTree(body.getBytes()).path("data");
            Set<String> models = new LinkedHashSet<>();
            data.forEach(m -> {
                if (m.path("id").isTextual()) {
                    models.add(m.path("id").asText());
                }
            });
            registry.updateModels(replica.name(), models);
        } catch (java.io.IOException e) {
            LOG.debugf("Backend %s answered its probe with something other than a model list", replica.name());
        }
    }

    private void mark(Replica replica, boolean ready) {
        Replica current = registry.replica(replica.name()).orElse(replica);
        if (current.probeReady() != ready) {
            LOG.infof("Backend %s is now %s", replica.name(), ready ? "ready" : "NOT ready (probe failed)");
        }
        current.probeReady(ready);
    }
}
