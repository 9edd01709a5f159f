package io.ponte.registry.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class DeploymentNamesTest {

    private static final Pattern DNS_1035 = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");

    @Test
    void a_name_is_the_model_and_the_version_lower_cased_with_dashes_for_everything_else() {
        assertThat(DeploymentNames.derive("Llama-3.1-8B-Instruct", "v2")).isEqualTo("llama-3-1-8b-instruct-v2");
        assertThat(DeploymentNames.derive("granite_embed", "2024.11 RC1")).isEqualTo("granite-embed-2024-11-rc1");
        assertThat(DeploymentNames.derive("Modèle--Été", "1")).isEqualTo("mod-le-t-1");
    }

    @Test
    void a_name_always_starts_with_a_letter_and_ends_with_a_letter_or_digit() {
        assertThat(DeploymentNames.derive("3d-unet", "v1")).isEqualTo("m-3d-unet-v1");
        assertThat(DeploymentNames.derive("_private_", "-")).isEqualTo("private");
        assertThat(DeploymentNames.derive("", "")).isEqualTo("model");
        assertThat(DeploymentNames.derive("??", "42")).isEqualTo("m-42");
    }

    @Test
    void a_long_name_is_cut_to_63_characters_and_keeps_apart_from_others_with_the_same_prefix() {
        String model = "a-very-long-model-name-that-goes-on-and-on-well-past-any-kubernetes-limit";

        String first = DeploymentNames.derive(model, "v1");
        String second = DeploymentNames.derive(model, "v2");

        assertThat(first).hasSizeLessThanOrEqualTo(63).matches(DNS_1035).isNotEqualTo(second);
        assertThat(second).hasSizeLessThanOrEqualTo(63).matches(DNS_1035);
        assertThat(first).startsWith("a-very-long-model-name-that-goes-on-and-on-well-pas");
        assertThat(DeploymentNames.derive(model, "v1")).as("stable").isEqualTo(first);
    }

    @Test
    void a_name_of_exactly_63_characters_is_kept_whole() {
        String model = "m".repeat(60);

        assertThat(DeploymentNames.derive(model, "v1")).isEqualTo(model + "-v1").hasSize(63);
    }

    @Test
    void a_given_name_must_be_a_dns_1035_label() {
        assertThat(DeploymentNames.checkName("llama-v1")).isEqualTo("llama-v1");
        for (String bad : new String[] {"Llama", "1llama", "llama-", "llama.v1", "", "a".repeat(64)}) {
            assertThatThrownBy(() -> DeploymentNames.checkName(bad))
                    .as(bad)
                    .isInstanceOfSatisfying(
                            RegistryException.Invalid.class,
                            e -> assertThat(e.field()).isEqualTo("name"));
        }
    }

    @Test
    void a_given_namespace_must_be_a_dns_1123_label() {
        assertThat(DeploymentNames.checkNamespace("2-ml")).isEqualTo("2-ml");
        assertThatThrownBy(() -> DeploymentNames.checkNamespace("ML"))
                .isInstanceOfSatisfying(
                        RegistryException.Invalid.class,
                        e -> assertThat(e.field()).isEqualTo("namespace"));
    }
}
