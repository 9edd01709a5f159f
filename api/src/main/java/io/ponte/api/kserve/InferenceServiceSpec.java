package io.ponte.api.kserve;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.ponte.api.json.Extras;
import java.util.Map;

/**
 * The {@code spec} of an {@link InferenceService}.
 *
 * @param predictor the component that serves the model
 * @param extra members not modelled here ({@code transformer}, {@code explainer})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InferenceServiceSpec(
        PredictorSpec predictor,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {

    public InferenceServiceSpec {
        extra = Extras.copyOf(extra);
    }

    /** A spec with a predictor only. */
    public static InferenceServiceSpec of(PredictorSpec predictor) {
        return new InferenceServiceSpec(predictor, null);
    }
}
