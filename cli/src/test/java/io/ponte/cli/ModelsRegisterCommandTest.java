package io.ponte.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ponte.cli.testing.FakeServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class ModelsRegisterCommandTest {
    private static final String KUBEFLOW = "/api/model_registry/v1alpha3";

    @TempDir
    Path root;

    @RegisterExtension
    private final FakeServer registry = FakeServer.start();

    @Test
    void adds_a_version_and_its_artifact_to_a_model_that_exists() {
        registry.answer("GET", KUBEFLOW + "/registered_model", 200, """
                {"id":"7","name":"llama","state":"LIVE"}""");
        givenVersionAndArtifactCreated("7", "v2", "llama-v2");

        TestStack.Result register = ponte(
                "models",
                "register",
                "llama",
                "--version",
                "v2",
                "--uri",
                "s3://models/llama/2",
                "--format",
                "onnx",
                "--format-version",
                "1",
                "--author",
                "ana",
                "--description",
                "smaller");

        assertThat(register.exitCode()).as(register.err()).isZero();
        assertThat(registry.request("GET", KUBEFLOW + "/registered_model").query())
                .containsEntry("name", "llama");
        assertThat(registry.requests("POST", KUBEFLOW + "/registered_models")).isEmpty();
        assertThat(registry.request("POST", KUBEFLOW + "/registered_models/7/versions")
                        .json())
                .containsOnly(
                        Map.entry("name", "v2"),
                        Map.entry("registeredModelId", "7"),
                        Map.entry("author", "ana"),
                        Map.entry("description", "smaller"));
        assertThat(registry.request("POST", KUBEFLOW + "/model_versions/12/artifacts")
                        .json())
                .containsOnly(
                        Map.entry("artifactType", "model-artifact"),
                        Map.entry("name", "llama-v2"),
                        Map.entry("uri", "s3://models/llama/2"),
                        Map.entry("modelFormatName", "onnx"),
                        Map.entry("modelFormatVersion", "1"));
        assertThat(register.out().lines())
                .containsExactly(
                        "registered model  llama     id 7",
                        "model version     v2        id 12",
                        "model artifact    llama-v2  id 31");
    }

    @Test
    void creates_the_model_first_when_the_registry_has_none_by_that_name() {
        registry.answer("GET", KUBEFLOW + "/registered_model", 404, """
                        {"type":"urn:ponte:problem:not-found","status":404,"detail":"no such model"}""")
                .answer("POST", KUBEFLOW + "/registered_models", 201, """
                        {"id":"8","name":"phi","state":"LIVE"}""");
        givenVersionAndArtifactCreated("8", "v1", "phi-v1");

        TestStack.Result register = ponte("models", "register", "phi", "--version", "v1", "--uri", "pvc://m/phi");

        assertThat(register.exitCode()).as(register.err()).isZero();
        assertThat(registry.requests())
                .extracting(r -> r.method() + " " + r.path())
                .containsExactly(
                        "GET " + KUBEFLOW + "/registered_model",
                        "POST " + KUBEFLOW + "/registered_models",
                        "POST " + KUBEFLOW + "/registered_models/8/versions",
                        "POST " + KUBEFLOW + "/model_versions/12/artifacts");
        assertThat(registry.request("POST", KUBEFLOW + "/registered_models").json())
                .containsOnly(Map.entry("name", "phi"));
        assertThat(registry.request("POST", KUBEFLOW + "/registered_models/8/versions")
                        .json())
                .containsOnly(Map.entry("name", "v1"), Map.entry("registeredModelId", "8"));
        assertThat(registry.request("POST", KUBEFLOW + "/model_versions/12/artifacts")
                        .json())
                .containsOnlyKeys("artifactType", "name", "uri")
                .containsEntry("name", "phi-v1");
        assertThat(register.out()).contains("registered model  phi").contains("id 8 (new)");
    }

    @Test
    void custom_properties_are_sent_typed_with_ints_as_strings() {
        registry.answer("GET", KUBEFLOW + "/registered_model", 200, """
                {"id":"7","name":"llama"}""");
        givenVersionAndArtifactCreated("7", "v2", "llama-v2");

        TestStack.Result register = ponte(
                "models",
                "register",
                "llama",
                "--version",
                "v2",
                "--uri",
                "s3://m",
                "--property",
                "epochs=12",
                "--property",
                "accuracy=0.93",
                "--property",
                "quantized=true",
                "--property",
                "license=apache-2.0",
                "--property",
                "revision=007");

        assertThat(register.exitCode()).as(register.err()).isZero();
        Map<String, Object> body = registry.request("POST", KUBEFLOW + "/registered_models/7/versions")
                .json();
        assertThat(body.get("customProperties"))
                .isEqualTo(Map.of(
                        "epochs", Map.of("metadataType", "MetadataIntValue", "int_value", "12"),
                        "accuracy", Map.of("metadataType", "MetadataDoubleValue", "double_value", 0.93),
                        "quantized", Map.of("metadataType", "MetadataBoolValue", "bool_value", true),
                        "license", Map.of("metadataType", "MetadataStringValue", "string_value", "apache-2.0"),
                        "revision", Map.of("metadataType", "MetadataStringValue", "string_value", "007")));
    }

    @Test
    void a_version_without_uri_is_a_usage_error_and_asks_nothing() {
        TestStack.Result register = ponte("models", "register", "llama", "--version", "v2");

        assertThat(register.exitCode()).isEqualTo(2);
        assertThat(register.err()).contains("--uri");
        assertThat(registry.requests()).isEmpty();
    }

    /** The registry answers the version's and the artifact's creation with ids 12 and 31. */
    private void givenVersionAndArtifactCreated(String modelId, String version, String artifact) {
        registry.answer("POST", KUBEFLOW + "/registered_models/" + modelId + "/versions", 201, """
                        {"id":"12","name":"%s","registeredModelId":"%s","state":"LIVE"}""".formatted(
                                version, modelId))
                .answer("POST", KUBEFLOW + "/model_versions/12/artifacts", 201, """
                        {"id":"31","artifactType":"model-artifact","name":"%s","uri":"s3://m"}""".formatted(artifact));
    }

    private TestStack.Result ponte(String... args) {
        return new TestStack(root, List.of(), Map.of("PONTE_REGISTRY_URL", registry.url())).ponte(args);
    }
}
