package io.ponte.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ponte.cli.testing.FakeServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class ModelsAliasCommandTest {
    private static final String KUBEFLOW = "/api/model_registry/v1alpha3";
    private static final String CHAMPION = "/api/ponte/v1/registered_models/7/aliases/champion";

    @TempDir
    Path root;

    @RegisterExtension
    private final FakeServer registry = FakeServer.start();

    @BeforeEach
    void givenLlama() {
        registry.answer("GET", KUBEFLOW + "/registered_model", 200, """
                        {"id":"7","name":"llama"}""")
                .answer("GET", KUBEFLOW + "/model_version", 200, """
                        {"id":"12","name":"v2","registeredModelId":"7"}""");
    }

    @Test
    void points_the_alias_at_the_version_found_by_name_under_the_model() {
        registry.answer("PUT", CHAMPION, 200, """
                {"aliases":{"champion":"12"}}""");

        TestStack.Result alias = ponte("models", "alias", "llama", "champion", "v2");

        assertThat(alias.exitCode()).as(alias.err()).isZero();
        assertThat(registry.request("GET", KUBEFLOW + "/model_version").query())
                .containsOnly(Map.entry("name", "v2"), Map.entry("parentResourceId", "7"));
        assertThat(registry.request("PUT", CHAMPION).json()).containsOnly(Map.entry("modelVersionId", "12"));
        assertThat(alias.out()).isEqualTo("alias champion of llama -> version v2 (id 12)" + System.lineSeparator());
    }

    @Test
    void delete_removes_the_alias_with_a_bodiless_delete() {
        registry.answer("DELETE", CHAMPION, 204, "");

        TestStack.Result alias = ponte("models", "alias", "llama", "champion", "--delete");

        assertThat(alias.exitCode()).as(alias.err()).isZero();
        assertThat(registry.request("DELETE", CHAMPION).body()).isEmpty();
        assertThat(registry.requests("GET", KUBEFLOW + "/model_version")).isEmpty();
        assertThat(alias.out()).contains("alias champion of llama removed");
    }

    @Test
    void a_version_is_needed_without_delete_and_refused_with_it() {
        TestStack.Result missing = ponte("models", "alias", "llama", "champion");
        TestStack.Result both = ponte("models", "alias", "llama", "champion", "v2", "--delete");

        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("Missing VERSION (or --delete)");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("--delete takes no VERSION");
        assertThat(registry.requests()).isEmpty();
    }

    private TestStack.Result ponte(String... args) {
        return new TestStack(root, List.of(), Map.of("PONTE_REGISTRY_URL", registry.url())).ponte(args);
    }
}
