package io.ponte.router.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.ponte.router.testing.RouterTestBase;
import io.ponte.router.testing.Upstreams;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(Upstreams.class)
class ModelsAndV2Test extends RouterTestBase {

    @Test
    void lists_the_models_of_every_openai_backend_once() throws Exception {
        HttpResponse<String> r = get("/v1/models");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body())
                .startsWith("{\"object\":\"list\",\"data\":[")
                .contains(
                        "\"id\":\"solo-model\"",
                        "\"id\":\"quick-model\"",
                        "\"id\":\"pool-model\"",
                        "\"id\":\"flaky-model\"")
                .doesNotContain("tensor-model");
        assertThat(r.body().split("\"id\":\"pool-model\"", -1)).hasSize(2);
    }

    @Test
    void gets_one_model_or_a_404() throws Exception {
        assertThat(get("/v1/models/pool-model").body()).contains("\"id\":\"pool-model\"", "\"object\":\"model\"");
        HttpResponse<String> missing = get("/v1/models/org/nothing");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("\"code\":\"model_not_found\"");
    }

    @Test
    void embeddings_are_relayed() throws Exception {
        HttpResponse<String> r = post("/v1/embeddings", "{\"model\":\"solo-model\",\"input\":[\"a\",\"b\"]}");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"embedding\":[0.25,-0.5]");
        assertThat(Upstreams.SOLO.awaitCall("/v1/embeddings").bodyText())
                .isEqualTo("{\"model\":\"solo-model\",\"input\":[\"a\",\"b\"]}");
    }

    @Test
    void passes_v2_infer_ready_and_metadata_through() throws Exception {
        HttpResponse<String> infer = post(
                "/v2/models/tensor-model/infer",
                "{\"id\":\"42\",\"inputs\":[{\"name\":\"x\",\"shape\":[1],\"datatype\":\"FP32\",\"data\":[1.5]}]}");
        assertThat(infer.statusCode()).isEqualTo(200);
        assertThat(infer.body()).contains("\"model_name\":\"tensor-model\"", "\"data\":[3.0]");
        assertThat(Upstreams.V2.awaitCall("/v2/models/tensor-model/infer").bodyText())
                .contains("\"id\":\"42\"");

        assertThat(get("/v2/models/tensor-model/ready").statusCode()).isEqualTo(200);
        assertThat(get("/v2/models/tensor-model").body()).contains("\"name\":\"tensor-model\"");
        assertThat(get("/v2/models/tensor-model/versions/3/ready").statusCode()).isEqualTo(200);
    }

    @Test
    void v2_errors_use_the_v2_error_shape() throws Exception {
        HttpResponse<String> r = post("/v2/models/solo-model/infer", "{\"inputs\":[]}");

        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).startsWith("{\"error\":\"").contains("solo-model");
    }
}
