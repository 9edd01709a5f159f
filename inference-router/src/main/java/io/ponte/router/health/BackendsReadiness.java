package io.ponte.router.health;

import io.ponte.router.config.RouterConfig.Protocol;
import io.ponte.router.core.BackendRegistry;
import io.ponte.router.spi.BackendSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready once every backend source has synced; reports pool sizes. */
@Readiness
@ApplicationScoped
class BackendsReadiness implements HealthCheck {

    @Inject
    Instance<BackendSource> sources;

    @Inject
    BackendRegistry registry;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder b = HealthCheckResponse.named("backends");
        boolean up = true;
        for (BackendSource source : sources) {
            b.withData(source.name() + ".synced", source.synced());
            up &= source.synced();
        }
        b.withData("replicas", registry.replicas().size());
        b.withData("openai.models", registry.models(Protocol.OPENAI).size());
        b.withData("v2.models", registry.models(Protocol.V2).size());
        return b.status(up).build();
    }
}
