package io.ponte.offload.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Leftover valueFrom / envFrom are resolved from the request; order and $(VAR) as in Kubernetes. */
class EnvResolverTest {

    @Test
    void resolves_leftover_references_from_the_requests_config_maps_secrets_and_pod_fields() {
        Container c = new ContainerBuilder()
                .withName("c")
                .addNewEnvFrom()
                .withPrefix("CFG_")
                .withNewConfigMapRef("settings", false)
                .endEnvFrom()
                .addNewEnv()
                .withName("PASSWORD")
                .withNewValueFrom()
                .withNewSecretKeyRef("password", "db", false)
                .endValueFrom()
                .endEnv()
                .addNewEnv()
                .withName("POD")
                .withNewValueFrom()
                .withNewFieldRef()
                .withFieldPath("metadata.name")
                .endFieldRef()
                .endValueFrom()
                .endEnv()
                .addNewEnv()
                .withName("URL")
                .withValue("http://$(CFG_HOST):80/$(POD)")
                .endEnv()
                .addNewEnv()
                .withName("CFG_HOST")
                .withValue("override")
                .endEnv()
                .build();
        var request = new PodRequest(
                new PodBuilder()
                        .withNewMetadata()
                        .withName("web-1")
                        .withNamespace("ns")
                        .withUid("u")
                        .endMetadata()
                        .build(),
                List.of(new VolumeData(
                        "c",
                        List.of(new ConfigMapBuilder()
                                .withNewMetadata()
                                .withName("settings")
                                .endMetadata()
                                .withData(Map.of("HOST", "db.local"))
                                .build()),
                        List.of(new SecretBuilder()
                                .withNewMetadata()
                                .withName("db")
                                .endMetadata()
                                .withData(Map.of(
                                        "password",
                                        Base64.getEncoder()
                                                .encodeToString("s3cr$t'\"".getBytes(StandardCharsets.UTF_8))))
                                .build()),
                        List.of())));

        List<Map.Entry<String, String>> env = new EnvResolver(request).resolve(c);

        assertThat(env)
                .containsExactly(
                        Map.entry("CFG_HOST", "db.local"),
                        Map.entry("PASSWORD", "s3cr$t'\""),
                        Map.entry("POD", "web-1"),
                        Map.entry("URL", "http://db.local:80/web-1"),
                        Map.entry("CFG_HOST", "override"));
    }
}
