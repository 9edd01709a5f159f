package io.ponte.offload.core;

import io.fabric8.kubernetes.api.model.Pod;

/** The fields every request must carry to name its pod. */
final class PodIdentity {
    private PodIdentity() {}

    static void check(Pod pod) {
        if (pod == null) {
            throw new InvalidRequestException("the request has no pod");
        }
        if (pod.getMetadata() == null) {
            throw new InvalidRequestException("pod metadata is missing");
        }
        require("metadata.name", pod.getMetadata().getName());
        require("metadata.namespace", pod.getMetadata().getNamespace());
        require("metadata.uid", pod.getMetadata().getUid());
    }

    private static void require(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException("pod " + field + " is missing");
        }
    }
}
