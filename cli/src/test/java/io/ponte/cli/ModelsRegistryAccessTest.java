package io.ponte.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ponte.cli.stack.ServiceCatalog;
import io.ponte.cli.testing.FakeServer;
import io.ponte.cli.testing.FakeServices;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** How {@code ponte models} finds the registry, authenticates, and reports what went wrong. */
class ModelsRegistryAccessTest {
    private static final String MODELS = "/api/model_registry/v1alpha3/registered_models";
    private static final String EMPTY_PAGE = """
            {"items":[],"nextPageToken":"","size":0}""";

    @TempDir
    Path root;

    @RegisterExtension
    private final FakeServer registry = FakeServer.start();

    @Test
    void an_error_body_is_printed_as_its_detail_and_field_with_exit_1() {
        registry.answer("GET", "/api/model_registry/v1alpha3/registered_model", 200, """
                        {"id":"7","name":"llama"}""")
                .answer("POST", "/api/model_registry/v1alpha3/registered_models/7/versions", 409, """
                        {"type":"urn:ponte:problem:conflict","title":"Conflict","status":409,
                         "detail":"llama already has a version named v1","field":"name",
                         "code":"conflict","message":"llama already has a version named v1"}""");

        TestStack.Result register = ponte(
                Map.of("PONTE_REGISTRY_URL", registry.url()),
                "models",
                "register",
                "llama",
                "--version",
                "v1",
                "--uri",
                "s3://m");

        assertThat(register.exitCode()).isEqualTo(1);
        assertThat(register.err())
                .isEqualTo("error: llama already has a version named v1 (field: name)" + System.lineSeparator());
        assertThat(register.out()).isEmpty();
    }

    @Test
    void a_kubeflow_error_body_prints_its_message() {
        registry.answer("GET", MODELS, 400, """
                {"code":"bad-request","message":"invalid filter query"}""");

        TestStack.Result list = ponte(Map.of("PONTE_REGISTRY_URL", registry.url()), "models", "list");

        assertThat(list.exitCode()).isEqualTo(1);
        assertThat(list.err()).isEqualTo("error: invalid filter query" + System.lineSeparator());
    }

    @Test
    void an_error_that_is_not_json_prints_the_status_and_request() {
        registry.answer("GET", MODELS, 502, "<html>Bad Gateway</html>");

        TestStack.Result list = ponte(Map.of("PONTE_REGISTRY_URL", registry.url()), "models", "list");

        assertThat(list.exitCode()).isEqualTo(1);
        assertThat(list.err()).startsWith("error: the registry answered HTTP 502 to GET " + MODELS);
    }

    @Test
    void an_answer_that_is_not_one_json_object_is_an_error_naming_the_request() {
        registry.answer("GET", MODELS, 200, "[]").answer("GET", MODELS, 200, EMPTY_PAGE + " {}");
        Map<String, String> env = Map.of("PONTE_REGISTRY_URL", registry.url());

        TestStack.Result array = ponte(env, "models", "list");
        TestStack.Result trailing = ponte(env, "models", "list");

        String notAnObject = "error: the registry's answer to GET " + MODELS + " is not a JSON object: ";
        assertThat(array.exitCode()).isEqualTo(1);
        assertThat(array.err()).isEqualTo(notAnObject + "expected a JSON object" + System.lineSeparator());
        assertThat(trailing.exitCode()).isEqualTo(1);
        assertThat(trailing.err()).startsWith(notAnObject).contains("Trailing token");
    }

    @Test
    void an_unreachable_registry_is_named_with_how_to_start_it() {
        String nowhere = "http://127.0.0.1:" + FakeServices.freePort();

        TestStack.Result list = ponte(Map.of("PONTE_REGISTRY_URL", nowhere), "models", "list");

        assertThat(list.exitCode()).isEqualTo(1);
        assertThat(list.err())
                .startsWith("error: the model registry is not reachable at " + nowhere + " (connection refused)")
                .contains("`ponte up` starts it")
                .doesNotContain("Exception");
    }

    @Test
    void the_token_is_sent_as_a_bearer_header_and_never_printed() {
        registry.answer("GET", MODELS, 200, EMPTY_PAGE)
                .answer("GET", "/api/model_registry/v1alpha3/registered_model", 401, """
                        {"status":401,"detail":"a valid bearer token is required"}""");
        Map<String, String> env = Map.of("PONTE_REGISTRY_URL", registry.url(), "PONTE_REGISTRY_TOKEN", "s3cr3t-t0ken");

        TestStack.Result list = ponte(env, "models", "list");
        TestStack.Result get = ponte(env, "models", "get", "llama", "--json");

        assertThat(registry.requests())
                .extracting(FakeServer.Request::authorization)
                .containsOnly("Bearer s3cr3t-t0ken");
        assertThat(list.out() + list.err() + get.out() + get.err()).doesNotContain("s3cr3t-t0ken");
        assertThat(get.err()).isEqualTo("error: a valid bearer token is required" + System.lineSeparator());
    }

    @Test
    void without_a_token_no_authorization_is_sent_and_a_401_says_which_variable_to_set() {
        registry.answer("GET", MODELS, 401, """
                {"status":401,"detail":"a valid bearer token is required"}""");

        TestStack.Result list = ponte(Map.of("PONTE_REGISTRY_URL", registry.url()), "models", "list");

        assertThat(registry.request("GET", MODELS).authorization()).isNull();
        assertThat(list.err()).contains("a valid bearer token is required; set PONTE_REGISTRY_TOKEN");
    }

    @Test
    void the_registry_option_wins_over_the_environment() {
        registry.answer("GET", MODELS, 200, EMPTY_PAGE);
        String nowhere = "http://127.0.0.1:" + FakeServices.freePort();

        TestStack.Result list =
                ponte(Map.of("PONTE_REGISTRY_URL", nowhere), "models", "list", "--registry", registry.url());
        TestStack.Result before = ponte(Map.of(), "models", "--registry", registry.url() + "/", "list");

        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(before.exitCode()).as(before.err()).isZero();
        assertThat(registry.requests("GET", MODELS)).hasSize(2);
    }

    @Test
    void without_option_or_environment_the_registry_is_on_port_8081_of_this_machine() {
        assertThat(registryUrl(Map.of())).isEqualTo("http://127.0.0.1:8081");
        assertThat(registryUrl(Map.of("PONTE_REGISTRY_URL", " "))).isEqualTo("http://127.0.0.1:8081");
        assertThat(registryUrl(Map.of("PONTE_REGISTRY_URL", "https://registry.example:8443")))
                .isEqualTo("https://registry.example:8443");
    }

    @Test
    void a_registry_url_that_is_not_http_is_a_usage_error() {
        TestStack.Result list = ponte(Map.of(), "models", "list", "--registry", "localhost:8081");

        assertThat(list.exitCode()).isEqualTo(2);
        assertThat(list.err()).contains("the registry URL must be http://HOST[:PORT]");
    }

    private String registryUrl(Map<String, String> env) {
        CommandLine commandLine = Ponte.commandLine(new Workspace(root, new ServiceCatalog(List.of()), env));
        commandLine.parseArgs("models", "list");
        ModelsCommand models = commandLine.getSubcommands().get("models").getCommand();
        return models.registryUrl().toString();
    }

    private TestStack.Result ponte(Map<String, String> env, String... args) {
        return new TestStack(root, List.of(), env).ponte(args);
    }
}
