package io.ponte.offload.vktest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvResolverTest {
    private static final String TRICKY = "It's \"quoted\" $HOME `cmd` \\ \n é";

    private final FakeClusterObjects cluster = new FakeClusterObjects()
            .with(new ConfigMapBuilder()
                    .withNewMetadata()
                    .withNamespace("ns")
                    .withName("cm")
                    .endMetadata()
                    .withData(Map.of("app-name", "config-test-app", "LEVEL", "debug"))
                    .build())
            .with(new SecretBuilder()
                    .withNewMetadata()
                    .withNamespace("ns")
                    .withName("sec")
                    .endMetadata()
                    .withData(Map.of("token", b64(TRICKY), "API_KEY", b64("sk-1"), "LEVEL", b64("info")))
                    .build());

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static PodBuilder pod() {
        return new PodBuilder()
                .withNewMetadata()
                .withNamespace("ns")
                .withName("p")
                .withUid("u-1")
                .addToLabels("app", "x")
                .endMetadata();
    }

    private static List<String> env(Pod pod) {
        return pod.getSpec().getContainers().get(0).getEnv().stream()
                .map(e -> {
                    assertThat(e.getValueFrom()).isNull();
                    return e.getName() + "=" + e.getValue();
                })
                .toList();
    }

    @Test
    void key_refs_from_configmaps_secrets_and_fields_become_plain_values() throws Exception {
        Pod pod = pod().withNewSpec()
                .addNewContainer()
                .withName("c")
                .addNewEnv()
                .withName("SIMPLE")
                .withValue("simple")
                .endEnv()
                .addNewEnv()
                .withName("APP_NAME")
                .withNewValueFrom()
                .withNewConfigMapKeyRef("app-name", "cm", null)
                .endValueFrom()
                .endEnv()
                .addNewEnv()
                .withName("AUTH")
                .withNewValueFrom()
                .withNewSecretKeyRef("token", "sec", null)
                .endValueFrom()
                .endEnv()
                .addNewEnv()
                .withName("POD")
                .withNewValueFrom()
                .withNewFieldRef("v1", "metadata.name")
                .endValueFrom()
                .endEnv()
                .addNewEnv()
                .withName("APP")
                .withNewValueFrom()
                .withNewFieldRef("v1", "metadata.labels['app']")
                .endValueFrom()
                .endEnv()
                .endContainer()
                .endSpec()
                .build();

        new EnvResolver(cluster).resolve(pod);

        assertThat(env(pod))
                .containsExactly("SIMPLE=simple", "APP_NAME=config-test-app", "AUTH=" + TRICKY, "POD=p", "APP=x");
    }

    @Test
    void env_from_imports_every_key_with_its_prefix_and_explicit_env_wins() throws Exception {
        Pod pod = pod().withNewSpec()
                .addNewContainer()
                .withName("c")
                .addNewEnv()
                .withName("LEVEL")
                .withValue("explicit")
                .endEnv()
                .addNewEnvFrom()
                .withNewConfigMapRef("cm", null)
                .endEnvFrom()
                .addNewEnvFrom()
                .withNewSecretRef("sec", null)
                .endEnvFrom()
                .addNewEnvFrom()
                .withPrefix("S_")
                .withNewSecretRef("sec", null)
                .endEnvFrom()
                .endContainer()
                .endSpec()
                .build();

        new EnvResolver(cluster).resolve(pod);

        assertThat(env(pod))
                .startsWith("LEVEL=explicit")
                .contains(
                        "API_KEY=sk-1", "app-name=config-test-app", "S_API_KEY=sk-1", "S_LEVEL=info", "token=" + TRICKY)
                .doesNotContain("LEVEL=debug", "LEVEL=info");
        assertThat(pod.getSpec().getContainers().get(0).getEnvFrom()).isEmpty();
    }

    @Test
    void a_missing_reference_fails_unless_it_is_optional() throws Exception {
        Pod missing = pod().withNewSpec()
                .addNewContainer()
                .withName("c")
                .addNewEnv()
                .withName("X")
                .withNewValueFrom()
                .withNewSecretKeyRef("nope", "sec", null)
                .endValueFrom()
                .endEnv()
                .endContainer()
                .endSpec()
                .build();
        Pod optional = pod().withNewSpec()
                .addNewContainer()
                .withName("c")
                .addNewEnv()
                .withName("X")
                .withNewValueFrom()
                .withNewSecretKeyRef("nope", "sec", true)
                .endValueFrom()
                .endEnv()
                .addNewEnvFrom()
                .withNewConfigMapRef("absent", true)
                .endEnvFrom()
                .endContainer()
                .endSpec()
                .build();

        assertThatThrownBy(() -> new EnvResolver(cluster).resolve(missing))
                .hasMessageContaining("key \"nope\" of secret \"sec\" not found");
        new EnvResolver(cluster).resolve(optional);
        assertThat(optional.getSpec().getContainers().get(0).getEnv())
                .extracting(EnvVar::getName)
                .isEmpty();
    }

    @Test
    void init_containers_are_resolved_too() throws Exception {
        Pod pod = pod().withNewSpec()
                .addNewInitContainer()
                .withName("i")
                .addNewEnvFrom()
                .withNewConfigMapRef("cm", null)
                .endEnvFrom()
                .endInitContainer()
                .addNewContainer()
                .withName("c")
                .endContainer()
                .endSpec()
                .build();

        new EnvResolver(cluster).resolve(pod);

        assertThat(pod.getSpec().getInitContainers().get(0).getEnv())
                .extracting(EnvVar::getName)
                .containsExactly("LEVEL", "app-name");
    }
}
