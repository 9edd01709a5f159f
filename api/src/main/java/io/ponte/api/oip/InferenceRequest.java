package io.ponte.api.oip;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.ponte.api.json.Extras;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /v2/models/{name}[/versions/{version}]/infer} ({@code
 * inference_request}).
 *
 * @param id an id the response echoes; optional
 * @param parameters request parameters; optional
 * @param inputs the input tensors
 * @param outputs the outputs wanted, all when absent
 * @param extra members not modelled here
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InferenceRequest(
        String id,
        Map<String, Object> parameters,
        List<Tensor> inputs,
        List<RequestedOutput> outputs,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {

    public InferenceRequest {
        extra = Extras.copyOf(extra);
    }

    /** A request with inputs only. */
    public static InferenceRequest of(String id, List<Tensor> inputs) {
        return new InferenceRequest(id, null, inputs, null, null);
    }
}
