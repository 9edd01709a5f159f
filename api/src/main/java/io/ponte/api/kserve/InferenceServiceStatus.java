package io.ponte.api.kserve;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.ponte.api.json.Extras;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code status} KServe writes on an {@link InferenceService}.
 *
 * @param observedGeneration the spec generation this status describes
 * @param url the external URL
 * @param address the cluster-internal address
 * @param conditions {@code Ready}, {@code PredictorReady}, {@code IngressReady}, …
 * @param components status per component, keyed {@code predictor}, {@code transformer}, …
 * @param modelStatus the state of the model in the predictor
 * @param extra members not modelled here ({@code annotations}, {@code deploymentMode}, …)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InferenceServiceStatus(
        Long observedGeneration,
        String url,
        Address address,
        List<Condition> conditions,
        Map<String, ComponentStatus> components,
        ModelStatus modelStatus,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {

    /** The condition that sums up the others. */
    public static final String READY = "Ready";

    /** The key of the predictor in {@link #components()}. */
    public static final String PREDICTOR = "predictor";

    public InferenceServiceStatus {
        extra = Extras.copyOf(extra);
    }

    /** The condition of type {@code type}, if KServe has reported it. */
    public Optional<Condition> condition(String type) {
        return conditions == null
                ? Optional.empty()
                : conditions.stream().filter(c -> type.equals(c.type())).findFirst();
    }

    /** Whether the {@code Ready} condition is {@code True}. */
    @JsonIgnore
    public boolean isReady() {
        return condition(READY).map(Condition::isTrue).orElse(false);
    }

    /** The predictor's status, if KServe has reported it. */
    public Optional<ComponentStatus> predictor() {
        return Optional.ofNullable(components).map(c -> c.get(PREDICTOR));
    }
}
