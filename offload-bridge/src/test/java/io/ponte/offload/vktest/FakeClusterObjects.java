package io.ponte.offload.vktest;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** ConfigMaps and Secrets held in memory, for unit tests of what the VK reads. */
final class FakeClusterObjects implements ClusterObjects {
    private final Map<String, ConfigMap> configMaps = new HashMap<>();
    private final Map<String, Secret> secrets = new HashMap<>();

    FakeClusterObjects with(ConfigMap cm) {
        configMaps.put(cm.getMetadata().getNamespace() + "/" + cm.getMetadata().getName(), cm);
        return this;
    }

    FakeClusterObjects with(Secret s) {
        secrets.put(s.getMetadata().getNamespace() + "/" + s.getMetadata().getName(), s);
        return this;
    }

    @Override
    public Optional<ConfigMap> configMap(String namespace, String name) {
        return Optional.ofNullable(configMaps.get(namespace + "/" + name));
    }

    @Override
    public Optional<Secret> secret(String namespace, String name) {
        return Optional.ofNullable(secrets.get(namespace + "/" + name));
    }

    @Override
    public String serviceAccountToken(Pod pod) {
        return "token-of-" + pod.getMetadata().getName();
    }
}
