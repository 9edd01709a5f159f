package io.ponte.offload.testing;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.ponte.offload.core.PodRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Pods for tests: shell-script containers, built like the pods interLink forwards. */
public final class TestPods {
    private TestPods() {}

    /** A container running {@code sh -c script}. */
    public static Container sh(String name, String script) {
        return new ContainerBuilder()
                .withName(name)
                .withImage("busybox:1.36")
                .withCommand("/bin/sh", "-c")
                .withArgs(script)
                .build();
    }

    public static PodRequest pod(String name, List<Container> init, List<Container> containers) {
        return pod(name, init, containers, Map.of());
    }

    public static PodRequest pod(
            String name, List<Container> init, List<Container> containers, Map<String, String> annotations) {
        Pod pod = new PodBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace("contract")
                .withUid(UUID.randomUUID().toString())
                .withAnnotations(annotations)
                .endMetadata()
                .withNewSpec()
                .withRestartPolicy("Never")
                .withInitContainers(init)
                .withContainers(containers)
                .endSpec()
                .build();
        return new PodRequest(pod, List.of());
    }
}
