package io.ponte.registry.core;

import io.ponte.registry.config.RegistryConfig;
import io.ponte.registry.spi.ServingCluster;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.Closeable;
import java.io.IOException;
import org.jboss.logging.Logger;

/**
 * Keeps each InferenceService record in step with the KServe InferenceService it follows: URL, readiness and, while
 * not ready, why. Runs from start-up when {@code ponte.registry.deploy.watch} is on and a Kubernetes API is
 * configured; an API server that is away delays it, never the start-up.
 */
@ApplicationScoped
public class StatusFollower {

    private static final Logger LOG = Logger.getLogger(StatusFollower.class);

    private final ServingCluster cluster;
    private final ServingRecords records;
    private final boolean enabled;
    private volatile Closeable watch;

    public StatusFollower(ServingCluster cluster, ServingRecords records, RegistryConfig config) {
        this.cluster = cluster;
        this.records = records;
        this.enabled = config.deploy().watch();
    }

    void start(@Observes StartupEvent event) {
        if (!enabled) {
            LOG.debug("Not following InferenceService status (ponte.registry.deploy.watch=false)");
            return;
        }
        if (!cluster.configured()) {
            LOG.info("No Kubernetes API is configured: InferenceService status is not followed");
            return;
        }
        try {
            watch = cluster.watch(this::follow);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Cannot follow InferenceService status; deploys still work");
        }
    }

    void stop(@Observes ShutdownEvent event) {
        Closeable current = watch;
        if (current != null) {
            try {
                current.close();
            } catch (IOException e) {
                LOG.debugf(e, "Closing the InferenceService watch");
            }
        }
    }

    /** Copies one reported status into the registry; a failure is logged, the next report tries again. */
    void follow(ServingStatus status) {
        try {
            if (!records.follow(status)) {
                LOG.debugf(
                        "InferenceService %s/%s names no inference service record of this registry",
                        status.namespace(), status.name());
            }
        } catch (RuntimeException e) {
            LOG.warnf(
                    "Could not record the status of InferenceService %s/%s: %s",
                    status.namespace(), status.name(), e.getMessage());
        }
    }
}
