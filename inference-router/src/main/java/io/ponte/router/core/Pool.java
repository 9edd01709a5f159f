package io.ponte.router.core;

import java.util.List;

/** The replicas serving one model name, in one protocol. Immutable snapshot. */
public record Pool(String model, List<Replica> replicas) {

    public Pool {
        replicas = List.copyOf(replicas);
    }

    public boolean isEmpty() {
        return replicas.isEmpty();
    }
}
