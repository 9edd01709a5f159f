package io.ponte.router.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.ponte.router.testing.RouterTestBase;
import io.ponte.router.testing.Upstreams;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Bad input gets the right 4xx in the OpenAI envelope, and the router stays healthy. */
@QuarkusTest
@QuarkusTestResource(Upstreams.class)
class ValidationTest extends RouterTestBase {

    @AfterEach
    void routerStillServes() throws Exception {
        assertThat(get("/q/health/ready").statusCode()).isEqualTo(200);
        assertThat(post("/v1/chat/completions", chat("solo-model", false)).statusCode())
                .isEqualTo(200);
        assertThat(Upstreams.SOLO.calls())
                .as("no bad request reached a backend")
                .hasSize(1);
    }

    @Test
    void malformed_json_is_a_400_saying_where() throws Exception {
        HttpResponse<String> r = post("/v1/chat/completions", "{\"model\": \"solo-model\", \"messages\": [");

        assertError(r, 400, "invalid_request_error", null);
        assertThat(r.body()).contains("not valid JSON");
    }

    @Test
    void a_wrong_type_is_a_400_naming_the_field() throws Exception {
        HttpResponse<String> r = post(
                "/v1/chat/completions",
                "{\"model\":\"solo-model\",\"temperature\":\"hot\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}");

        assertError(r, 400, "invalid_request_error", "temperature");
    }

    @Test
    void a_missing_model_is_a_400_and_an_unknown_one_a_404() throws Exception {
        assertError(post("/v1/embeddings", "{\"input\":\"x\"}"), 400, "invalid_request_error", "model");
        HttpResponse<String> r = post("/v1/embeddings", "{\"model\":\"no-such-model\",\"input\":\"x\"}");
        assertError(r, 404, "not_found_error", "model");
        assertThat(r.body()).contains("\"code\":\"model_not_found\"", "no-such-model");
    }

    @Test
    void a_body_over_the_limit_is_a_413() throws Exception {
        String huge = "{\"model\":\"solo-model\",\"messages\":[{\"role\":\"user\",\"content\":\"" + "x".repeat(70_000)
                + "\"}]}";

        HttpResponse<String> r = post("/v1/chat/completions", huge);

        assertError(r, 413, "invalid_request_error", null);
        assertThat(r.body()).contains("\"code\":\"request_too_large\"");
    }

    @Test
    void an_unknown_path_is_a_404_envelope() throws Exception {
        assertError(post("/v1/assistants", "{}"), 404, "not_found_error", null);
    }

    private static void assertError(HttpResponse<String> r, int status, String type, String param) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("content-type")).hasValue("application/json");
        assertThat(r.body()).startsWith("{\"error\":{\"message\":").contains("\"type\":\"" + type + "\"");
        assertThat(r.body()).contains(param == null ? "\"param\":null" : "\"param\":\"" + param + "\"");
        assertThat(r.body()).doesNotContain("Exception", "\tat ");
        assertThat(r.headers().firstValue("x-ponte-attempts")).hasValue("0");
    }
}
