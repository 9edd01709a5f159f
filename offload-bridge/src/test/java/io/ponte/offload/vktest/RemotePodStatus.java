package io.ponte.offload.vktest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import java.util.List;

/**
 * One element of the plugin's {@code GET /status} answer, with interLink's wire names.
 *
 * @param name the pod name
 * @param uid the pod UID
 * @param namespace the pod namespace
 * @param jobId the plugin's job id
 * @param containers statuses of the pod's containers
 * @param initContainers statuses of the pod's init containers
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record RemotePodStatus(
        @JsonProperty("name") String name,
        @JsonProperty("UID") String uid,
        @JsonProperty("namespace") String namespace,
        @JsonProperty("JID") String jobId,
        @JsonProperty("containers") List<ContainerStatus> containers,
        @JsonProperty("initContainers") List<ContainerStatus> initContainers) {

    RemotePodStatus {
        containers = containers == null ? List.of() : containers;
        initContainers = initContainers == null ? List.of() : initContainers;
    }
}
