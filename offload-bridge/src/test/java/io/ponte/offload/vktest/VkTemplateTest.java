package io.ponte.offload.vktest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class VkTemplateTest {
    private static final VkTestConfig CONFIG = VkTestConfig.parse("""
            target_nodes: [vk]
            required_namespaces: [default]
            timeout_multiplier: 10.\s
            values:
              namespace: interlink
              annotations: {a: b}
              tolerations: []
            """);

    @Test
    void the_config_reads_a_trailing_dot_multiplier_and_rejects_unknown_keys() {
        assertThat(CONFIG.timeoutMultiplier()).isEqualTo(10.0);
        assertThat(CONFIG.targetNodes()).containsExactly("vk");
        assertThatThrownBy(() -> VkTestConfig.parse("values: {}\nretries: 3"))
                .hasMessageContaining("unknown key 'retries'");
        assertThatThrownBy(() -> VkTestConfig.parse("values: {image: x}"))
                .hasMessageContaining("unknown template value");
    }

    @Test
    void splits_at_the_first_validation_header_and_applies_the_schema_defaults() {
        VkTemplate t = new VkTemplate("001-x", """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: p-{{ uuid }}
                  namespace: {{ namespace }}
                  annotations: {{ annotations | tojson }}
                spec:
                  nodeSelector: {kubernetes.io/hostname: {{ target_node }}}
                  containers: [{name: c, image: busybox}]
                ###   Validation
                check_pods:
                  - {name: p-{{ uuid }}, namespace: {{ namespace }}}
                check_logs:
                  - {name: p-{{ uuid }}, namespace: {{ namespace }}, regex: hi}
                clean_configs:
                  - {type: pod, name: p-{{ uuid }}, namespace: {{ namespace }}}
                """);

        VkTemplate.Rendered r = t.render(CONFIG, "vk", "u1");

        assertThat(r.objects()).singleElement().isInstanceOf(Pod.class);
        Pod pod = (Pod) r.objects().get(0);
        assertThat(pod.getMetadata().getName()).isEqualTo("p-u1");
        assertThat(pod.getMetadata().getAnnotations()).containsEntry("a", "b");
        assertThat(pod.getSpec().getNodeSelector()).containsEntry("kubernetes.io/hostname", "vk");
        assertThat(r.validation().timeoutSeconds()).isEqualTo(Validation.DEFAULT_TIMEOUT_SECONDS);
        assertThat(r.validation().checkPods())
                .singleElement()
                .extracting(Validation.CheckPod::status)
                .isEqualTo("Succeeded");
        assertThat(r.validation().checkLogs())
                .singleElement()
                .extracting(Validation.CheckLogs::operator)
                .isEqualTo(LogOperator.Exists);
        assertThat(r.validation().cleanConfigs())
                .singleElement()
                .extracting(Validation.CleanConfig::condition)
                .isEqualTo("always");
    }

    @Test
    void a_validation_block_outside_the_schema_is_refused() {
        VkTemplate t =
                new VkTemplate("002-x", "# VALIDATION\ncheck_pods:\n  - {name: a, namespace: b, phase: Running}\n");

        assertThatThrownBy(() -> t.render(CONFIG, "vk", "u")).hasMessageContaining("unknown key 'phase'");
        VkTemplate badStatus =
                new VkTemplate("003-x", "# VALIDATION\ncheck_pods:\n  - {name: a, namespace: b, status: Done}\n");
        assertThatThrownBy(() -> badStatus.render(CONFIG, "vk", "u")).hasMessageContaining("'Done' is not one of");
    }

    @Test
    void every_shipped_template_renders_into_objects_and_checks() throws Exception {
        Path dir = SharedSuite.dir().orElse(null);
        Assumptions.assumeTrue(dir != null, SharedSuite::absent);
        VkTestConfig config = VkTestConfig.load(dir.resolve("vktest_config.yaml"));
        List<VkTemplate> templates = VkTemplate.loadAll(dir.resolve("templates"));

        assertThat(templates).hasSizeGreaterThanOrEqualTo(19);
        for (VkTemplate t : templates) {
            VkTemplate.Rendered r = t.render(config, "virtual-kubelet", "0c6a1d5e-1111-4222-8333-944445555666");
            assertThat(r.objects()).as(t.id()).isNotEmpty();
            assertThat(r.objects())
                    .as(t.id())
                    .allSatisfy(o -> assertThat(Set.of("Pod", "ConfigMap", "Secret", "Job"))
                            .contains(o.getKind()));
            assertThat(r.validation().checkPods()).as(t.id()).isNotEmpty();
            assertThat(r.manifest()).as(t.id()).doesNotContain("{{");
        }
    }

    @Test
    void yaml_escapes_of_the_env_quotes_template_arrive_byte_exact() throws Exception {
        Path dir = SharedSuite.dir().orElse(null);
        Assumptions.assumeTrue(dir != null, SharedSuite::absent);
        VkTemplate t = VkTemplate.loadAll(dir.resolve("templates")).stream()
                .filter(x -> x.id().startsWith("105-"))
                .findFirst()
                .orElseThrow();

        Pod pod = (Pod) t.render(VkTestConfig.load(dir.resolve("vktest_config.yaml")), "vk", "u")
                .objects()
                .get(0);
        Map<String, String> env = new java.util.HashMap<>();
        pod.getSpec().getContainers().get(0).getEnv().forEach(e -> env.put(e.getName(), e.getValue()));

        assertThat(env)
                .containsEntry("ESCAPED_DOUBLE", "This is a \\\"quoted\\\" word")
                .containsEntry("MIXED_QUOTES", "She said \"It's working!\"")
                .containsEntry("NEWLINE_WITH_QUOTES", "Line 1\nLine 2 with 'quotes'\nLine 3")
                .containsEntry("EMPTY_STRING", "")
                .containsEntry("SPACES_ONLY", "   ");
    }

    @Test
    void secrets_keep_their_string_data_until_the_api_server_folds_it() throws Exception {
        VkTemplate t =
                new VkTemplate("004-x", "apiVersion: v1\nkind: Secret\nmetadata: {name: s}\nstringData: {k: v}\n");

        HasMetadata secret = t.render(CONFIG, "vk", "u").objects().get(0);

        assertThat(((Secret) secret).getStringData()).containsEntry("k", "v");
    }
}
