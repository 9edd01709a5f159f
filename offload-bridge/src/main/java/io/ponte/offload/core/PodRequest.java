package io.ponte.offload.core;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A pod to run, as interLink sends it to {@code /create}.
 *
 * @param pod the full pod
 * @param volumes per-container volume data, in spec order (init containers first)
 */
public record PodRequest(Pod pod, List<VolumeData> volumes) {

    public PodRequest {
        volumes = volumes == null ? List.of() : List.copyOf(volumes);
    }

    /** A ConfigMap any container entry carries, by name. */
    public Optional<ConfigMap> configMap(String name) {
        return volumes.stream()
                .flatMap(v -> v.configMaps().stream())
                .filter(c -> c.getMetadata() != null
                        && Objects.equals(c.getMetadata().getName(), name))
                .findFirst();
    }

    /** A Secret any container entry carries, by name. */
    public Optional<Secret> secret(String name) {
        return volumes.stream()
                .flatMap(v -> v.secrets().stream())
                .filter(s -> s.getMetadata() != null
                        && Objects.equals(s.getMetadata().getName(), name))
                .findFirst();
    }

    /** The data of a projected (or downwardAPI) pod volume, sent as a ConfigMap named after it. */
    public Optional<ConfigMap> projected(String volumeName) {
        return volumes.stream()
                .flatMap(v -> v.projected().stream())
                .filter(c -> c.getMetadata() != null
                        && Objects.equals(c.getMetadata().getName(), volumeName))
                .findFirst();
    }
}
