package io.ponte.offload.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.ponte.offload.core.PodStatusView;
import java.util.List;

/** One element of the answer to {@code GET /status}. */
record WirePodStatus(
        @JsonProperty("name") String name,
        @JsonProperty("UID") String uid,
        @JsonProperty("namespace") String namespace,
        @JsonProperty("JID") String jid,
        @JsonProperty("initContainers") List<ContainerStatus> initContainers,
        @JsonProperty("containers") List<ContainerStatus> containers) {

    static WirePodStatus of(PodStatusView view) {
        return new WirePodStatus(
                view.name(), view.uid(), view.namespace(), view.jobId(), view.initContainers(), view.containers());
    }
}
