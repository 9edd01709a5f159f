package io.ponte.api.oip;

import static io.ponte.api.testing.RoundTrip.assertSameJson;
import static org.assertj.core.api.Assertions.assertThat;

import io.ponte.api.testing.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class OipFactoriesTest {

    @Test
    void tensor_factories_write_flat_data_with_the_protocol_datatype() {
        InferenceRequest request = InferenceRequest.of(
                "1",
                List.of(
                        Tensor.fp32("x", List.of(1L, 2L), new float[] {0.5f, -1.25f}),
                        Tensor.bytes("s", List.of(1L), List.of("hi"))));

        assertSameJson(Json.written(request), Json.tree("""
                {"id":"1","inputs":[
                  {"name":"x","shape":[1,2],"datatype":"FP32","data":[0.5,-1.25]},
                  {"name":"s","shape":[1],"datatype":"BYTES","data":["hi"]}]}
                """));
    }

    @Test
    void nested_tensor_data_flattens_in_row_major_order() throws Exception {
        Tensor tensor = Json.MAPPER.readValue("""
                {"name":"x","shape":[2,2],"datatype":"FP32","data":[[1,2],[3,4]]}
                """, Tensor.class);

        assertThat(tensor.asFloats()).containsExactly(1f, 2f, 3f, 4f);
        assertThat(tensor.elementCount()).isEqualTo(4);
    }

    @Test
    void health_bodies_are_what_kserve_model_servers_answer() {
        assertSameJson(Json.written(new LiveResponse(true)), Json.tree("{\"live\":true}"));
        assertSameJson(Json.written(ReadyResponse.server(true)), Json.tree("{\"ready\":true}"));
        assertSameJson(
                Json.written(ReadyResponse.model("iris-mlp", false)),
                Json.tree("{\"name\":\"iris-mlp\",\"ready\":false}"));
    }

    @Test
    void tensor_metadata_factory_uses_the_datatype_name() {
        assertSameJson(
                Json.written(TensorMetadata.of("x", Datatype.FP32, List.of(-1L, 4L))),
                Json.tree("{\"name\":\"x\",\"datatype\":\"FP32\",\"shape\":[-1,4]}"));
    }
}
