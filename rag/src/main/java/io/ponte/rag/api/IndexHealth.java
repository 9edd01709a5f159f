package io.ponte.rag.api;

import io.ponte.rag.core.ingest.StartupIngest;
import io.ponte.rag.spi.PassageIndex;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the start-up ingestion has finished: before that, answers would miss documents. */
@Readiness
@Blocking
@Singleton
class IndexHealth implements HealthCheck {

    private final StartupIngest startup;
    private final PassageIndex index;

    IndexHealth(StartupIngest startup, PassageIndex index) {
        this.startup = startup;
        this.index = index;
    }

    @Override
    public HealthCheckResponse call() {
        var builder = HealthCheckResponse.named("rag-index").status(startup.done());
        index.collections().forEach(c -> builder.withData(c, index.passageCount(c)));
        return builder.build();
    }
}
