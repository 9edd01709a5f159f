package io.ponte.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ponte.cli.testing.FakeServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class ModelsGetCommandTest {
    private static final String KUBEFLOW = "/api/model_registry/v1alpha3";

    @TempDir
    Path root;

    @RegisterExtension
    private final FakeServer registry = FakeServer.start();

    @Test
    void shows_the_model_then_its_versions_with_the_aliases_that_point_at_them() {
        givenLlamaWithTwoVersions();

        TestStack.Result get = ponte("models", "get", "llama");

        assertThat(get.exitCode()).as(get.err()).isZero();
        assertThat(registry.request("GET", KUBEFLOW + "/registered_model").query())
                .containsExactly(Map.entry("name", "llama"));
        assertThat(get.out().lines())
                .contains(
                        "NAME         llama",
                        "ID           7",
                        "STATE        LIVE",
                        "OWNER        ana",
                        "DESCRIPTION  -",
                        "UPDATED      2023-11-14T22:13:20Z",
                        "ID  NAME  STATE  AUTHOR  ALIASES",
                        "11  v1    LIVE   ana     -",
                        "12  v2    LIVE   bo      champion,latest");
    }

    @Test
    void json_prints_the_model_its_versions_and_aliases_together() throws Exception {
        givenLlamaWithTwoVersions();

        TestStack.Result get = ponte("models", "get", "llama", "--json");

        assertThat(get.exitCode()).as(get.err()).isZero();
        Map<String, Object> json = new ObjectMapper().readValue(get.out(), new TypeReference<>() {});
        assertThat(json).containsOnlyKeys("registeredModel", "versions", "aliases");
        assertThat(json.get("aliases")).isEqualTo(Map.of("champion", "12", "latest", "12"));
        assertThat((List<?>) json.get("versions")).hasSize(2);
    }

    @Test
    void a_registry_without_ponte_aliases_shows_the_versions_without_any() {
        registry.answer("GET", KUBEFLOW + "/registered_model", 200, """
                        {"id":"7","name":"llama"}""")
                .answer("GET", KUBEFLOW + "/registered_models/7/versions", 200, """
                        {"items":[{"id":"11","name":"v1","state":"LIVE"}],"nextPageToken":"","size":1}""");

        TestStack.Result get = ponte("models", "get", "llama");

        assertThat(get.exitCode()).as(get.err()).isZero();
        assertThat(registry.requests("GET", "/api/ponte/v1/registered_models/7/aliases"))
                .hasSize(1);
        assertThat(get.out().lines()).contains("11  v1    LIVE   -       -");
    }

    @Test
    void a_model_the_registry_does_not_know_is_its_404_detail() {
        registry.answer("GET", KUBEFLOW + "/registered_model", 404, """
                {"type":"urn:ponte:problem:not-found","title":"Not Found","status":404,
                 "detail":"no RegisteredModel named 'nope'","code":"not-found",
                 "message":"no RegisteredModel named 'nope'"}""");

        TestStack.Result get = ponte("models", "get", "nope");

        assertThat(get.exitCode()).isEqualTo(1);
        assertThat(get.err()).isEqualTo("error: no RegisteredModel named 'nope'" + System.lineSeparator());
    }

    private void givenLlamaWithTwoVersions() {
        registry.answer("GET", KUBEFLOW + "/registered_model", 200, """
                        {"id":"7","name":"llama","state":"LIVE","owner":"ana",
                         "lastUpdateTimeSinceEpoch":"1700000000000","customProperties":{}}""")
                .answer("GET", KUBEFLOW + "/registered_models/7/versions", 200, """
                        {"items":[{"id":"11","name":"v1","state":"LIVE","author":"ana","registeredModelId":"7"},
                                  {"id":"12","name":"v2","state":"LIVE","author":"bo","registeredModelId":"7"}],
                         "nextPageToken":"","pageSize":100,"size":2}""")
                .answer("GET", "/api/ponte/v1/registered_models/7/aliases", 200, """
                        {"aliases":{"champion":"12","latest":"12"}}""");
    }

    private TestStack.Result ponte(String... args) {
        return new TestStack(root, List.of(), Map.of("PONTE_REGISTRY_URL", registry.url())).ponte(args);
    }
}
