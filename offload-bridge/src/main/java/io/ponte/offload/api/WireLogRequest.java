package io.ponte.offload.api;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The body of {@code GET /getLogs} (Go field names; the OpenAPI file's snake_case names are accepted too). */
record WireLogRequest(
        @JsonProperty("Namespace") @JsonAlias("namespace") String namespace,
        @JsonProperty("PodUID") @JsonAlias("pod_uid") String podUid,
        @JsonProperty("PodName") @JsonAlias("pod_name") String podName,

        @JsonProperty("ContainerName") @JsonAlias("container_name")
        String containerName,

        @JsonProperty("Opts") @JsonAlias("opts") Opts opts) {

    /** The kubelet's log options. */
    record Opts(
            @JsonProperty("Tail") @JsonAlias("tail") Integer tail,

            @JsonProperty("LimitBytes") @JsonAlias({"Bytes", "limit_bytes"})
            Long limitBytes,

            @JsonProperty("Timestamps") @JsonAlias("timestamps")
            Boolean timestamps,

            @JsonProperty("Follow") @JsonAlias("follow") Boolean follow,
            @JsonProperty("Previous") @JsonAlias("previous") Boolean previous,

            @JsonProperty("SinceSeconds") @JsonAlias("since_seconds")
            Integer sinceSeconds,

            @JsonProperty("SinceTime") @JsonAlias("since_time")
            String sinceTime) {}
}
