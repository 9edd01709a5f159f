package io.ponte.api.oip;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.ponte.api.json.Extras;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The answer to an inference request ({@code inference_response}).
 *
 * @param modelName the model that answered
 * @param modelVersion its version; optional
 * @param id the request's id; optional
 * @param parameters response parameters; optional
 * @param outputs the output tensors
 * @param extra members not modelled here
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InferenceResponse(
        @JsonProperty("model_name") String modelName,
        @JsonProperty("model_version") String modelVersion,
        String id,
        Map<String, Object> parameters,
        List<Tensor> outputs,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {

    public InferenceResponse {
        extra = Extras.copyOf(extra);
    }

    /** A response with outputs only. */
    public static InferenceResponse of(String modelName, String id, List<Tensor> outputs) {
        return new InferenceResponse(modelName, null, id, null, outputs, null);
    }

    /** The output called {@code name}, if there is one. */
    public Optional<Tensor> output(String name) {
        return outputs == null
                ? Optional.empty()
                : outputs.stream().filter(t -> name.equals(t.name())).findFirst();
    }
}
