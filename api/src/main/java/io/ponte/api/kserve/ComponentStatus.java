package io.ponte.api.kserve;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.ponte.api.json.Extras;
import java.util.List;
import java.util.Map;

/**
 * The status of one component (predictor, transformer, explainer) of an {@link InferenceService}.
 *
 * @param url the component's external URL
 * @param address the component's cluster-internal address
 * @param latestReadyRevision the newest Knative revision that is ready
 * @param latestCreatedRevision the newest Knative revision created
 * @param latestRolledoutRevision the revision that last took all traffic
 * @param previousRolledoutRevision the revision that took all traffic before it
 * @param traffic how traffic is split across revisions
 * @param extra members not modelled here ({@code grpcUrl}, {@code restUrl}, …)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ComponentStatus(
        String url,
        Address address,
        String latestReadyRevision,
        String latestCreatedRevision,
        String latestRolledoutRevision,
        String previousRolledoutRevision,
        List<TrafficTarget> traffic,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {

    public ComponentStatus {
        extra = Extras.copyOf(extra);
    }
}
