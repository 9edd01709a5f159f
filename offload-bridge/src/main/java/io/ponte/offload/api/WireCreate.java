package io.ponte.offload.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.List;

/** The body of {@code POST /create} as interLink's API server sends it (Go field names). */
record WireCreate(
        @JsonProperty("pod") Pod pod,
        @JsonProperty("container") List<WireContainerData> container,
        @JsonProperty("jobConfig") JsonNode jobConfig,
        @JsonProperty("jobScript") String jobScript) {

    /** The volume data of one container. */
    record WireContainerData(
            @JsonProperty("name") String name,
            @JsonProperty("configMaps") List<ConfigMap> configMaps,
            @JsonProperty("secrets") List<Secret> secrets,
            @JsonProperty("projectedvolumemaps") List<ConfigMap> projectedVolumeMaps,
            @JsonProperty("emptyDirs") JsonNode emptyDirs) {}
}
