package io.ponte.api.kserve;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.ponte.api.json.Extras;
import java.util.Map;

/**
 * The state of the model inside the predictor ({@code status.modelStatus}).
 *
 * @param transitionStatus {@code UpToDate}, {@code InProgress}, {@code BlockedByFailedLoad} or
 *     {@code InvalidSpec}
 * @param states the active and target model states
 * @param copies how many copies of the model are loaded or failed
 * @param extra members not modelled here ({@code lastFailureInfo}, …)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelStatus(
        String transitionStatus,
        ModelRevisionStates states,
        ModelCopies copies,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {

    public ModelStatus {
        extra = Extras.copyOf(extra);
    }

    /**
     * The active and target model state: {@code Pending}, {@code Standby}, {@code Loading}, {@code
     * Loaded} or {@code FailedToLoad}.
     *
     * @param activeModelState the state of the model serving now
     * @param targetModelState the state of the model being rolled out
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ModelRevisionStates(String activeModelState, String targetModelState) {}

    /**
     * Copies of the model across predictor replicas.
     *
     * @param failedCopies copies that failed to load
     * @param totalCopies all copies
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ModelCopies(Integer failedCopies, Integer totalCopies) {}
}
