package io.ponte.api.oip;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.ponte.api.json.Extras;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An input tensor of a request ({@code request_input}) or an output tensor of a response ({@code
 * response_output}); both have the same members.
 *
 * @param name the tensor name
 * @param shape the dimensions
 * @param datatype the element type, normally one of {@link Datatype}
 * @param parameters tensor parameters, such as {@code content_type}; optional
 * @param data the elements in row-major order, flat or nested as the sender wrote them
 * @param extra members not modelled here
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Tensor(
        String name,
        List<Long> shape,
        String datatype,
        Map<String, Object> parameters,
        JsonNode data,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {

    public Tensor {
        extra = Extras.copyOf(extra);
    }

    /** An {@code FP32} tensor with flat data. */
    public static Tensor fp32(String name, List<Long> shape, float[] values) {
        ArrayNode data = JsonNodeFactory.instance.arrayNode(values.length);
        for (float value : values) {
            data.add(value);
        }
        return new Tensor(name, shape, Datatype.FP32.name(), null, data, null);
    }

    /** A {@code BYTES} tensor of UTF-8 strings with flat data. */
    public static Tensor bytes(String name, List<Long> shape, List<String> values) {
        ArrayNode data = JsonNodeFactory.instance.arrayNode(values.size());
        values.forEach(data::add);
        return new Tensor(name, shape, Datatype.BYTES.name(), null, data, null);
    }

    /** The number of elements the shape describes. */
    public long elementCount() {
        return shape.stream().mapToLong(Long::longValue).reduce(1L, Math::multiplyExact);
    }

    /** The numeric elements, flattened in row-major order. */
    public float[] asFloats() {
        List<JsonNode> leaves = leaves();
        float[] values = new float[leaves.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = leaves.get(i).floatValue();
        }
        return values;
    }

    /** The string elements ({@code BYTES}), flattened in row-major order. */
    public List<String> asStrings() {
        return leaves().stream().map(JsonNode::asText).toList();
    }

    private List<JsonNode> leaves() {
        List<JsonNode> leaves = new ArrayList<>();
        collect(data, leaves);
        return leaves;
    }

    private static void collect(JsonNode node, List<JsonNode> leaves) {
        if (node == null) {
            return;
        }
        if (node.isArray()) {
            node.forEach(child -> collect(child, leaves));
        } else {
            leaves.add(node);
        }
    }
}
