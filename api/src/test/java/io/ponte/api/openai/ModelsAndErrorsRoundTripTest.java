package io.ponte.api.openai;

import static io.ponte.api.testing.RoundTrip.assertRoundTrips;
import static io.ponte.api.testing.RoundTrip.assertSameJson;
import static org.assertj.core.api.Assertions.assertThat;

import io.ponte.api.testing.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelsAndErrorsRoundTripTest {

    @Test
    void models_list_with_vendor_members_round_trips_unchanged() {
        ModelList list = assertRoundTrips("openai/models-list.json", ModelList.class);

        assertThat(list.data()).extracting(Model::id).containsExactly("llama-3.1-8b-instruct", "bge-small-en-v1.5");
        assertThat(list.data().get(0).extra()).containsKeys("root", "parent", "max_model_len", "permission");
    }

    @Test
    void models_list_factory_writes_the_required_members_only() {
        ModelList list = ModelList.of(List.of(Model.of("bge-small-en-v1.5", 1763990000L, "ponte")));

        assertSameJson(Json.written(list), Json.tree("""
                {"object":"list","data":[{"id":"bge-small-en-v1.5","object":"model","created":1763990000,
                 "owned_by":"ponte"}]}
                """));
    }

    @Test
    void error_envelope_round_trips_unchanged() {
        ErrorEnvelope error = assertRoundTrips("openai/error-model-not-found.json", ErrorEnvelope.class);

        assertThat(error.error().code()).isEqualTo("model_not_found");
    }

    @Test
    void error_envelope_with_null_param_and_code_round_trips_unchanged() {
        ErrorEnvelope error = assertRoundTrips("openai/error-upstream.json", ErrorEnvelope.class);

        assertThat(error.error().param()).isNull();
    }

    @Test
    void model_not_found_factory_writes_what_openai_answers() {
        assertSameJson(
                Json.written(ErrorEnvelope.modelNotFound("gpt-5")), Json.sample("openai/error-model-not-found.json"));
    }

    @Test
    void error_factories_always_write_param_and_code() {
        assertSameJson(
                Json.written(
                        ErrorEnvelope.serverError("The backend for llama-3.1-8b-instruct did not answer within 60s.")),
                Json.sample("openai/error-upstream.json"));
        assertSameJson(
                Json.written(ErrorEnvelope.invalidRequest("messages must not be empty", "messages")), Json.tree("""
                {"error":{"message":"messages must not be empty","type":"invalid_request_error",
                 "param":"messages","code":null}}
                """));
    }
}
