package io.ponte.offload.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The answer to interLink's ping ({@code GET /status} with {@code []}) when the node advertises
 * capacity: {@code {"status":"ok","resources":{...},"taints":[...]}}.
 */
record WirePing(
        @JsonProperty("status") String status,
        @JsonProperty("resources") Resources resources,
        @JsonProperty("taints") List<Taint> taints) {

    /** The node's capacity, as Kubernetes quantities. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Resources(
            @JsonProperty("cpu") String cpu,
            @JsonProperty("memory") String memory,
            @JsonProperty("pods") String pods,
            @JsonProperty("accelerators") List<Accelerator> accelerators) {}

    /** GPUs of one kind. */
    record Accelerator(
            @JsonProperty("resourceType") String resourceType,
            @JsonProperty("model") String model,
            @JsonProperty("available") long available) {}

    /** A node taint. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Taint(
            @JsonProperty("key") String key,
            @JsonProperty("value") String value,
            @JsonProperty("effect") String effect) {}
}
