package io.ponte.router.spi;

import io.ponte.router.core.Pool;
import io.ponte.router.core.Replica;
import java.util.Optional;
import java.util.Set;

/** Picks the replica of a pool that serves the next attempt. */
public interface BackendSelector {

    /**
     * @param pool the replicas serving the requested model
     * @param tried replicas already tried by this request; chosen again only when nothing else is left
     * @return the replica to use, or empty when the pool has none
     */
    Optional<Replica> choose(Pool pool, Set<Replica> tried);
}
