package io.ponte.api.oip;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.ponte.api.json.Extras;
import java.util.List;
import java.util.Map;

/**
 * The answer to {@code GET /v2/models/{name}[/versions/{version}]} ({@code
 * metadata_model_response}).
 *
 * @param name the model name
 * @param versions the versions the server holds; optional
 * @param platform the framework and format, such as {@code pytorch_torchscript}
 * @param inputs the input tensors the model expects
 * @param outputs the output tensors the model produces
 * @param properties free-form string properties; optional
 * @param extra members not modelled here
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelMetadata(
        String name,
        List<String> versions,
        String platform,
        List<TensorMetadata> inputs,
        List<TensorMetadata> outputs,
        Map<String, String> properties,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {

    public ModelMetadata {
        extra = Extras.copyOf(extra);
    }
}
