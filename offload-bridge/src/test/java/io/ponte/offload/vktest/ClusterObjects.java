package io.ponte.offload.vktest;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.Optional;

/** What the virtual kubelet reads from the API server while preparing a pod. */
interface ClusterObjects {

    Optional<ConfigMap> configMap(String namespace, String name);

    Optional<Secret> secret(String namespace, String name);

    /** A service-account token bound to the pod (interLink asks the TokenRequest API for one). */
    String serviceAccountToken(Pod pod);
}
