package io.ponte.api.oip;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.ponte.api.json.Extras;
import java.util.List;
import java.util.Map;

/**
 * The description of one input or output tensor in {@link ModelMetadata} ({@code metadata_tensor}).
 *
 * @param name the tensor name
 * @param datatype the element type, one of {@link Datatype}
 * @param shape the dimensions; {@code -1} marks a dimension of any size
 * @param extra members not modelled here
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TensorMetadata(
        String name,
        String datatype,
        List<Long> shape,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {

    public TensorMetadata {
        extra = Extras.copyOf(extra);
    }

    /** A tensor description. */
    public static TensorMetadata of(String name, Datatype datatype, List<Long> shape) {
        return new TensorMetadata(name, datatype.name(), shape, null);
    }
}
