package io.ponte.pipelines.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ponte.pipelines.core.Runs;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CreateRunRequestTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void every_field_of_a_full_request_is_read() throws Exception {
        Runs.CreateRun request = CreateRunRequest.read(JSON.readTree("""
                {"display_name": "nightly",
                 "pipeline_spec": {"pipelineInfo": {"name": "p"}},
                 "runtime_config": {"parameters": {"lr": 0.1, "epochs": 3, "tags": ["a"]},
                                    "pipeline_root": "s3://ponte-pipelines/team-a"},
                 "enable_caching": false,
                 "executor": "kubernetes"}
                """));

        assertThat(request.displayName()).contains("nightly");
        assertThat(JSON.readTree(request.pipelineSpec())
                        .path("pipelineInfo")
                        .path("name")
                        .asText())
                .isEqualTo("p");
        assertThat(request.parameters()).isEqualTo(Map.of("lr", 0.1, "epochs", 3, "tags", List.of("a")));
        assertThat(request.pipelineRoot()).contains("s3://ponte-pipelines/team-a");
        assertThat(request.cachingEnabled()).isFalse();
        assertThat(request.executor()).contains("kubernetes");
    }

    @Test
    void a_yaml_spec_as_text_is_passed_through_and_caching_defaults_on() throws Exception {
        Runs.CreateRun request =
                CreateRunRequest.read(JSON.readTree("{\"pipeline_spec\": \"pipelineInfo:\\n  name: p\\n\"}"));

        assertThat(request.pipelineSpec()).isEqualTo("pipelineInfo:\n  name: p\n");
        assertThat(request.cachingEnabled()).isTrue();
        assertThat(request.parameters()).isEmpty();
        assertThat(request.displayName()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{}                                                                  | pipeline_spec",
                "{\"pipeline_spec\": 3}                                              | pipeline_spec",
                "{\"pipeline_spec\": \"  \"}                                         | pipeline_spec",
                "{\"pipeline_spec\": {}, \"display_name\": 5}                        | display_name",
                "{\"pipeline_spec\": {}, \"runtime_config\": []}                     | runtime_config",
                "{\"pipeline_spec\": {}, \"runtime_config\": {\"parameters\": [1]}}  | runtime_config.parameters",
                "{\"pipeline_spec\": {}, \"runtime_config\": {\"pipeline_root\": \"gs://bucket/x\"}} | runtime_config.pipeline_root",
                "{\"pipeline_spec\": {}, \"enable_caching\": \"no\"}                 | enable_caching",
                "{\"pipeline_spec\": {}, \"executor\": {\"name\": \"local\"}}        | executor",
            })
    void a_malformed_field_is_refused_by_name(String body, String field) throws Exception {
        JsonNode json = JSON.readTree(body);

        assertThatThrownBy(() -> CreateRunRequest.read(json)).isInstanceOfSatisfying(BadRequest.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.getMessage()).contains(field);
        });
    }

    @Test
    void a_body_that_is_not_an_object_is_refused() throws Exception {
        assertThatThrownBy(() -> CreateRunRequest.read(JSON.readTree("[1, 2]"))).isInstanceOf(BadRequest.class);
        assertThatThrownBy(() -> CreateRunRequest.read(null)).isInstanceOf(BadRequest.class);
    }
}
