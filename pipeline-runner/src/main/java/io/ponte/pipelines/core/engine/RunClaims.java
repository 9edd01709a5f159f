package io.ponte.pipelines.core.engine;

import io.ponte.pipelines.spi.RunClaim;
import io.ponte.pipelines.spi.RunStore;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * This runner's claims on runs ({@link RunStore#claimRun}): taken before a run executes here,
 * renewed while it does, released when it ends. With a store that has no claims every run counts
 * as held here, and conflicting writes are the only guard (said once in the log).
 */
final class RunClaims {

    private static final Logger LOG = Logger.getLogger(RunClaims.class);

    private final RunStore store;
    private final EngineSettings settings;
    private volatile boolean unsupported;

    RunClaims(RunStore store, EngineSettings settings) {
        this.store = store;
        this.settings = settings;
    }

    String runnerId() {
        return settings.runnerId();
    }

    /** Claims or renews the run; the claim as stored afterwards, empty when the run is gone. */
    Optional<RunClaim> claim(String runId) {
        Instant now = settings.clock().instant();
        if (!unsupported) {
            try {
                return store.claimRun(runId, settings.runnerId(), now, now.plus(settings.runLease()));
            } catch (UnsupportedOperationException e) {
                unsupported = true;
                LOG.warn("the run store has no run claims: runners sharing it are kept apart only by"
                        + " conditional writes");
            }
        }
        return store.run(runId).map(r -> new RunClaim(settings.runnerId(), Instant.MAX));
    }

    /** Claims or renews the run; whether this runner holds it now. */
    boolean hold(String runId) {
        return claim(runId).map(c -> c.owner().equals(settings.runnerId())).orElse(false);
    }

    void release(String runId) {
        if (!unsupported) {
            store.releaseRun(runId, settings.runnerId());
        }
    }
}
