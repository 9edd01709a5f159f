package io.ponte.offload.vktest;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body interLink's API server posts to a plugin's {@code /create}: the pod (env already
 * resolved) and, per init container then per container in spec order, the volume data that
 * container mounts.
 */
record CreateRequest(Pod pod, List<ContainerData> containers) {

    /**
     * One entry of {@code container[]}.
     *
     * @param name the container name
     * @param configMaps ConfigMaps behind its configMap volumes
     * @param secrets Secrets behind its secret volumes (base64 {@code data})
     * @param projectedVolumeMaps projected / downwardAPI volumes as ConfigMaps named after the pod
     *     volume, keys being file paths
     */
    record ContainerData(
            String name, List<ConfigMap> configMaps, List<Secret> secrets, List<ConfigMap> projectedVolumeMaps) {}

    Map<String, Object> toWire() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("pod", pod);
        body.put(
                "container",
                containers.stream()
                        .map(c -> {
                            Map<String, Object> m = new LinkedHashMap<>();
                            m.put("name", c.name());
                            m.put("configMaps", c.configMaps().isEmpty() ? null : c.configMaps());
                            m.put(
                                    "projectedvolumemaps",
                                    c.projectedVolumeMaps().isEmpty() ? null : c.projectedVolumeMaps());
                            m.put("secrets", c.secrets().isEmpty() ? null : c.secrets());
                            m.put("emptyDirs", null);
                            return m;
                        })
                        .toList());
        return body;
    }
}
