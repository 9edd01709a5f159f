package io.ponte.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ponte.cli.testing.FakeServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class ModelsDeployCommandTest {
    private static final String KUBEFLOW = "/api/model_registry/v1alpha3";
    private static final String DEPLOY = "/api/ponte/v1/model_versions/12/deploy";
    private static final String DEPLOYED = """
            {"inferenceService":{"id":"40","name":"llama-v2","registeredModelId":"7","modelVersionId":"12",
                                 "servingEnvironmentId":"3","desiredState":"DEPLOYED"},
             "kserve":{"name":"llama-v2","namespace":"team-a"}}""";

    @TempDir
    Path root;

    @RegisterExtension
    private final FakeServer registry = FakeServer.start();

    @Test
    void deploys_the_version_an_alias_points_at() {
        givenLlama();
        registry.answer("GET", "/api/ponte/v1/registered_models/7/aliases/champion", 200, """
                        {"id":"12","name":"v2","registeredModelId":"7","state":"LIVE"}""")
                .answer("POST", DEPLOY, 200, DEPLOYED);

        TestStack.Result deploy =
                ponte("models", "deploy", "llama", "@champion", "--placement", "gpu-a", "--namespace", "team-a");

        assertThat(deploy.exitCode()).as(deploy.err()).isZero();
        assertThat(registry.requests("GET", KUBEFLOW + "/model_version")).isEmpty();
        assertThat(registry.request("POST", DEPLOY).json())
                .containsOnly(Map.entry("placement", "gpu-a"), Map.entry("namespace", "team-a"));
        assertThat(deploy.out().lines())
                .containsExactly(
                        "deploying llama version v2 (id 12) to gpu-a",
                        "inference service 40 (llama-v2): desired state DEPLOYED",
                        "kserve InferenceService team-a/llama-v2");
    }

    @Test
    void deploys_a_version_by_name_with_every_option() {
        givenLlama();
        registry.answer("GET", KUBEFLOW + "/model_version", 200, """
                        {"id":"12","name":"v2","registeredModelId":"7"}""").answer("POST", DEPLOY, 200, DEPLOYED);

        TestStack.Result deploy = ponte(
                "models",
                "deploy",
                "llama",
                "v2",
                "--placement",
                "gpu-a",
                "--namespace",
                "team-a",
                "--name",
                "llama-v2",
                "--runtime",
                "vllm");

        assertThat(deploy.exitCode()).as(deploy.err()).isZero();
        assertThat(registry.request("GET", KUBEFLOW + "/model_version").query())
                .containsOnly(Map.entry("name", "v2"), Map.entry("parentResourceId", "7"));
        assertThat(registry.request("POST", DEPLOY).json())
                .containsOnly(
                        Map.entry("placement", "gpu-a"),
                        Map.entry("namespace", "team-a"),
                        Map.entry("name", "llama-v2"),
                        Map.entry("runtime", "vllm"));
    }

    @Test
    void deploy_needs_a_placement() {
        TestStack.Result deploy = ponte("models", "deploy", "llama", "v2");

        assertThat(deploy.exitCode()).isEqualTo(2);
        assertThat(deploy.err()).contains("--placement");
        assertThat(registry.requests()).isEmpty();
    }

    @Test
    void undeploy_prints_the_desired_state_the_registry_answers() {
        registry.answer("POST", "/api/ponte/v1/inference_services/40/undeploy", 200, """
                {"id":"40","name":"llama-v2","desiredState":"UNDEPLOYED"}""");

        TestStack.Result undeploy = ponte("models", "undeploy", "40");

        assertThat(undeploy.exitCode()).as(undeploy.err()).isZero();
        assertThat(registry.request("POST", "/api/ponte/v1/inference_services/40/undeploy")
                        .body())
                .isEmpty();
        assertThat(undeploy.out())
                .isEqualTo("inference service 40 (llama-v2): desired state UNDEPLOYED" + System.lineSeparator());
    }

    private void givenLlama() {
        registry.answer("GET", KUBEFLOW + "/registered_model", 200, """
                {"id":"7","name":"llama"}""");
    }

    private TestStack.Result ponte(String... args) {
        return new TestStack(root, List.of(), Map.of("PONTE_REGISTRY_URL", registry.url())).ponte(args);
    }
}
