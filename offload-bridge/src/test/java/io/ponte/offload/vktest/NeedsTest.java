package io.ponte.offload.vktest;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NeedsTest {
    /** A probe that finds only the named hosts reachable (the real one opens a TCP connection). */
    private static NetworkProbe reachableOnly(Set<String> hosts) {
        return new NetworkProbe(Duration.ofMillis(1)) {
            @Override
            boolean reachable(String host) {
                return hosts.contains(host);
            }
        };
    }

    private static Pod pod(String name, List<String> command, List<String> args) {
        return new PodBuilder()
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("c")
                .withCommand(command)
                .withArgs(args)
                .endContainer()
                .endSpec()
                .build();
    }

    @Test
    void urls_and_package_installers_are_needs_only_when_their_host_is_unreachable() {
        List<HasMetadata> objects = List.of(
                pod(
                        "git",
                        List.of("git", "clone", "https://github.com/interTwin-eu/interLink", "/interlink"),
                        List.of()),
                pod("pip", List.of("/bin/sh", "-c"), List.of("echo start\npython3 -m pip install numpy\necho end")),
                pod("apk", List.of("/bin/sh", "-c"), List.of("apk add --no-cache python3 > /dev/null 2>&1")),
                pod("plain", List.of("echo"), List.of("postgresql://user@localhost:5432/db")));

        List<Needs.Need> needs = Needs.unreachableInternet(objects, reachableOnly(Set.of("dl-cdn.alpinelinux.org")));

        assertThat(needs).extracting(Needs.Need::pod).containsExactly("git", "pip");
        assertThat(needs.get(0).detail()).contains("github.com").contains("cannot reach");
        assertThat(needs.get(1).detail()).startsWith("`python3 -m pip install numpy` in container c needs pypi.org");
    }

    @Test
    void privileged_containers_and_bidirectional_mounts_are_needs() {
        Pod pod = new PodBuilder()
                .withNewMetadata()
                .withName("rclone")
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("client")
                .withNewSecurityContext()
                .withPrivileged(true)
                .endSecurityContext()
                .addNewVolumeMount()
                .withName("s")
                .withMountPath("/shared")
                .withMountPropagation("Bidirectional")
                .endVolumeMount()
                .endContainer()
                .endSpec()
                .build();

        assertThat(Needs.privileges(List.of(pod)))
                .extracting(Needs.Need::kind)
                .containsExactly("privileged", "mount propagation");
    }

    @Test
    void check_names_that_only_job_generated_pods_could_start_with_are_unmatchable() {
        List<HasMetadata> objects = List.of(
                new JobBuilder()
                        .withNewMetadata()
                        .withName("job-a-u1")
                        .endMetadata()
                        .build(),
                pod("pod-b-u1", List.of("true"), List.of()));
        Validation validation = new Validation(
                1,
                List.of(
                        new Validation.CheckPod("job-a-u1-", "ns", "Failed"),
                        new Validation.CheckPod("pod-b-u1", "ns", "Succeeded")),
                List.of(new Validation.CheckLogs(
                        "job-a-u1-", "ns", "x", LogOperator.Exists, Optional.empty(), Optional.empty())),
                List.of());

        assertThat(Needs.unmatchableNames(objects, validation)).containsExactly("job-a-u1-");
    }
}
