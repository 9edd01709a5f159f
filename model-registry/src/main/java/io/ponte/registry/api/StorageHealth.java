package io.ponte.registry.api;

import io.ponte.registry.spi.EntityStore;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the database answers; the check talks JDBC, so it runs on a worker thread. */
@Readiness
@io.smallrye.common.annotation.Blocking
@Singleton
class StorageHealth implements HealthCheck {

    private final EntityStore store;

    StorageHealth(EntityStore store) {
        this.store = store;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("registry-database")
                .status(store.healthy())
                .build();
    }
}
