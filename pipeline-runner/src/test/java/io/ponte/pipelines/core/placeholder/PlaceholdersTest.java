package io.ponte.pipelines.core.placeholder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlaceholdersTest {

    final ExecutorInput input = new ExecutorInput(
            Map.of("text", "hi", "n", 3L, "ratio", 0.5, "flag", true, "items", List.of(1, 2)),
            Map.of(
                    "data",
                    List.of(new ArtifactValue(
                            "data", "system.Dataset", "0.0.1", "s3://b/run/a/data", "/w/in/data", Map.of("rows", 10)))),
            Map.of("out", "/w/out/params/out"),
            Map.of(
                    "model",
                    new ArtifactValue(
                            "model", "system.Model", "0.0.1", "s3://b/run/t/model", "/w/out/model", Map.of())),
            "/w/kfp_outputs/output_metadata.json",
            Map.of("pipeline_job_name", "job-1"));

    @Test
    void resolves_parameters_artifacts_outputs_and_system_values_inside_strings() {
        assertThat(Placeholders.resolve(
                        List.of(
                                "prefix-{{$.inputs.parameters['text']}}",
                                "{{$.inputs.parameters['n']}}/{{$.inputs.parameters['ratio']}}/{{$.inputs.parameters['flag']}}",
                                "{{$.inputs.parameters['items']}}",
                                "{{$.inputs.artifacts['data'].uri}}",
                                "{{$.inputs.artifacts['data'].path}}",
                                "{{$.inputs.artifacts['data'].metadata}}",
                                "{{$.inputs.artifacts['data'].metadata['rows']}}",
                                "{{$.outputs.artifacts['model'].path}}",
                                "{{$.outputs.parameters['out'].output_file}}",
                                "{{$.outputs.output_file}}",
                                "{{$.pipeline_job_name}}"),
                        input))
                .containsExactly(
                        "prefix-hi",
                        "3/0.5/true",
                        "[1,2]",
                        "s3://b/run/a/data",
                        "/w/in/data",
                        "{\"rows\":10}",
                        "10",
                        "/w/out/model",
                        "/w/out/params/out",
                        "/w/kfp_outputs/output_metadata.json",
                        "job-1");
    }

    @Test
    void expands_concat_and_if_present_as_the_sdk_writes_them() {
        List<String> args = Placeholders.resolve(
                List.of(
                        "{\"Concat\": [\"{{$.inputs.parameters['text']}}\", \"+\", \"{{$.inputs.parameters['n']}}\"]}",
                        "{\"IfPresent\": {\"InputName\": \"text\", \"Then\": [\"--text\", \"{{$.inputs.parameters['text']}}\"]}}",
                        "{\"IfPresent\": {\"InputName\": \"absent\", \"Then\": [\"--absent\"]}}",
                        "{\"IfPresent\": {\"InputName\": \"absent\", \"Then\": [\"--absent\"], \"Else\": [\"--default\", \"d\"]}}",
                        "{\"IfPresent\": {\"InputName\": \"data\", \"Then\": \"{\\\"Concat\\\": [\\\"--data=\\\", \\\"{{$.inputs.artifacts['data'].path}}\\\"]}\"}}"),
                input);
        assertThat(args).containsExactly("hi+3", "--text", "hi", "--default", "d", "--data=/w/in/data");
    }

    @Test
    void writes_the_executor_input_for_the_dollar_placeholder() throws Exception {
        String json = Placeholders.resolveString("{{$}}", input);
        var tree = new ObjectMapper().readTree(json);
        assertThat(tree.at("/inputs/parameterValues/text").asText()).isEqualTo("hi");
        assertThat(tree.at("/inputs/artifacts/data/artifacts/0/uri").asText()).isEqualTo("s3://b/run/a/data");
        assertThat(tree.at("/outputs/parameters/out/outputFile").asText()).isEqualTo("/w/out/params/out");
        assertThat(tree.at("/outputs/artifacts/model/artifacts/0/type/schemaTitle")
                        .asText())
                .isEqualTo("system.Model");
        assertThat(tree.at("/outputs/outputFile").asText()).isEqualTo("/w/kfp_outputs/output_metadata.json");
    }

    @Test
    void fails_on_what_the_task_does_not_have() {
        assertThatThrownBy(() -> Placeholders.resolveString("{{$.outputs.parameters['nope'].output_file}}", input))
                .isInstanceOf(PlaceholderException.class)
                .hasMessageContaining("nope");
        assertThatThrownBy(() -> Placeholders.resolveString("{{$.something_else}}", input))
                .isInstanceOf(PlaceholderException.class);
    }

    @Test
    void fills_constants_from_the_other_inputs() {
        assertThat(Placeholders.resolveConstant("heads and {{$.inputs.parameters['n']}} > 5!", Map.of("n", 7L)))
                .isEqualTo("heads and 7 > 5!");
        assertThat(Placeholders.resolveConstant(42, Map.of())).isEqualTo(42);
    }
}
