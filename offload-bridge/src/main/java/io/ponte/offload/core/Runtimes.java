package io.ponte.offload.core;

import io.ponte.offload.spi.ContainerRuntime;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The container runtimes this bridge has, by name. */
public final class Runtimes {
    private final Map<String, ContainerRuntime> byName = new TreeMap<>();

    public Runtimes(Iterable<ContainerRuntime> runtimes) {
        for (ContainerRuntime runtime : runtimes) {
            byName.putIfAbsent(runtime.name(), runtime);
        }
    }

    Optional<ContainerRuntime> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The named runtime, or a refusal naming {@code source} and the runtimes there are. */
    public ContainerRuntime require(String name, String source) {
        return find(name)
                .orElseThrow(() -> new PodRejectedException(source + " names container runtime '" + name
                        + "', which this bridge does not have; available: " + String.join(", ", byName.keySet())));
    }
}
