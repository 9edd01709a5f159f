package io.ponte.offload.core;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.List;

/**
 * The volume data interLink sends for one container: the ConfigMaps and Secrets it mounts, and its
 * projected / downwardAPI volumes, each as a ConfigMap named after the pod volume whose keys are
 * file paths.
 */
public record VolumeData(
        String container, List<ConfigMap> configMaps, List<Secret> secrets, List<ConfigMap> projected) {

    public VolumeData {
        configMaps = configMaps == null ? List.of() : List.copyOf(configMaps);
        secrets = secrets == null ? List.of() : List.copyOf(secrets);
        projected = projected == null ? List.of() : List.copyOf(projected);
    }
}
