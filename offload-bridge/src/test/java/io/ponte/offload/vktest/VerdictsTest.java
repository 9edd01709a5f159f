package io.ponte.offload.vktest;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VerdictsTest {
    private static final Needs.Need PIP = new Needs.Need(
            "limits",
            "allocate",
            "internet",
            "`python3 -m pip install numpy` in container allocate needs pypi.org, which this machine cannot reach");
    private static final Validation EXPECT_FAILED =
            new Validation(100, List.of(new Validation.CheckPod("limits", "ns", "Failed")), List.of(), List.of());

    private static PodEvidence failedPod(int exitCode, String reason, String log) {
        Pod pod = new PodBuilder()
                .withNewMetadata()
                .withName("limits")
                .withNamespace("ns")
                .withUid("u")
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("allocate")
                .withNewResources()
                .withLimits(Map.of("memory", new Quantity("100Mi")))
                .endResources()
                .endContainer()
                .endSpec()
                .withNewStatus()
                .withPhase("Failed")
                .withReason("Error: " + exitCode)
                .endStatus()
                .build();
        RemotePodStatus remote = new RemotePodStatus(
                "limits",
                "u",
                "ns",
                "1",
                List.of(new ContainerStatusBuilder()
                        .withName("allocate")
                        .withNewState()
                        .withNewTerminated()
                        .withExitCode(exitCode)
                        .withReason(reason)
                        .endTerminated()
                        .endState()
                        .build()),
                List.of());
        return new PodEvidence(pod, Optional.of(remote), (p, c) -> log);
    }

    @Test
    void an_expected_failure_caused_by_the_missing_network_is_not_applicable() {
        PodEvidence pod = failedPod(1, "Error", "ModuleNotFoundError: No module named 'numpy'");

        Verdicts.Verdict v =
                Verdicts.decide(EXPECT_FAILED, CheckOutcome.HOLDS, Map.of("limits", pod), List.of(PIP), List.of());

        assertThat(v.result()).isEqualTo(TemplateResult.Result.NOT_APPLICABLE);
        assertThat(v.reason())
                .contains("pypi.org")
                .contains("not from its 100Mi memory limit")
                .contains("allocate exit 1");
    }

    @Test
    void an_expected_failure_that_shows_the_memory_limit_passes_despite_the_missing_network() {
        PodEvidence oom = failedPod(137, "OOMKilled", "");
        PodEvidence memoryError =
                failedPod(1, "Error", "numpy.core._exceptions._ArrayMemoryError: Unable to allocate 2.00 GiB");

        Verdicts.Verdict killed =
                Verdicts.decide(EXPECT_FAILED, CheckOutcome.HOLDS, Map.of("limits", oom), List.of(PIP), List.of());
        Verdicts.Verdict raised = Verdicts.decide(
                EXPECT_FAILED, CheckOutcome.HOLDS, Map.of("limits", memoryError), List.of(PIP), List.of());

        assertThat(killed.result()).isEqualTo(TemplateResult.Result.PASSED);
        assertThat(killed.reason())
                .startsWith("memory limit 100Mi enforced on container allocate (exit 137 OOMKilled)");
        assertThat(raised.result()).isEqualTo(TemplateResult.Result.PASSED);
    }

    @Test
    void a_failure_explained_by_a_refused_image_is_not_applicable_and_one_without_a_need_is_failed() {
        Pod refused = new PodBuilder()
                .withNewMetadata()
                .withName("p")
                .withUid("u")
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("c")
                .withImage("landerlini/rclone:latest")
                .endContainer()
                .endSpec()
                .withNewStatus()
                .withPhase("Failed")
                .withReason("ProviderFailed")
                .withMessage(
                        "error creating pod (HTTP 422): image landerlini/rclone:latest is not in the image catalog")
                .endStatus()
                .build();
        Validation expectRunning =
                new Validation(60, List.of(new Validation.CheckPod("p", "ns", "Running")), List.of(), List.of());
        CheckOutcome failedAtOnce = new CheckOutcome.Never("pod p is Failed, expected Running");

        Verdicts.Verdict na = Verdicts.decide(
                expectRunning,
                failedAtOnce,
                Map.of("p", new PodEvidence(refused, Optional.empty(), (p, c) -> "")),
                List.of(),
                List.of());
        Verdicts.Verdict failed = Verdicts.decide(expectRunning, failedAtOnce, Map.of(), List.of(), List.of());

        assertThat(na.result()).isEqualTo(TemplateResult.Result.NOT_APPLICABLE);
        assertThat(na.reason())
                .startsWith(
                        "needs what this machine lacks: image landerlini/rclone:latest, which the plugin does not have")
                .endsWith("Observed: pod p is Failed, expected Running");
        assertThat(failed.result()).isEqualTo(TemplateResult.Result.FAILED);
        assertThat(failed.reason()).isEqualTo("pod p is Failed, expected Running");
    }

    @Test
    void a_network_need_of_a_container_that_succeeded_does_not_excuse_a_failure() {
        Pod pod = new PodBuilder()
                .withNewMetadata()
                .withName("multi")
                .withUid("u")
                .endMetadata()
                .withNewSpec()
                .addNewInitContainer()
                .withName("prepare")
                .endInitContainer()
                .addNewContainer()
                .withName("main")
                .endContainer()
                .endSpec()
                .withNewStatus()
                .withPhase("Failed")
                .endStatus()
                .build();
        RemotePodStatus remote = new RemotePodStatus(
                "multi",
                "u",
                "ns",
                "1",
                List.of(new ContainerStatusBuilder()
                        .withName("main")
                        .withNewState()
                        .withNewTerminated()
                        .withExitCode(1)
                        .endTerminated()
                        .endState()
                        .build()),
                List.of(new ContainerStatusBuilder()
                        .withName("prepare")
                        .withNewState()
                        .withNewTerminated()
                        .withExitCode(0)
                        .endTerminated()
                        .endState()
                        .build()));
        Needs.Need apk = new Needs.Need("multi", "prepare", "internet", "`apk add` needs dl-cdn.alpinelinux.org");

        Verdicts.Verdict v = Verdicts.decide(
                EXPECT_FAILED,
                new CheckOutcome.Never("pod multi is Failed, expected Succeeded"),
                Map.of("multi", new PodEvidence(pod, Optional.of(remote), (p, c) -> "")),
                List.of(apk),
                List.of());

        assertThat(v.result()).isEqualTo(TemplateResult.Result.FAILED);
    }

    @Test
    void checks_naming_job_pods_are_not_applicable_and_say_how_they_fare_as_prefixes() {
        Verdicts.Verdict v = Verdicts.unmatchable(java.util.Set.of("job-a-u-"), CheckOutcome.HOLDS, 11);

        assertThat(v.result()).isEqualTo(TemplateResult.Result.NOT_APPLICABLE);
        assertThat(v.reason()).contains("'job-a-u-'").endsWith("read as name prefixes, all 11 checks hold");
    }

    @Test
    void only_the_first_failed_init_container_counts_as_failed_the_later_ones_never_ran() {
        Pod pod = new PodBuilder()
                .withNewMetadata()
                .withName("multi")
                .withUid("u")
                .endMetadata()
                .withNewSpec()
                .addNewInitContainer()
                .withName("first")
                .endInitContainer()
                .addNewInitContainer()
                .withName("second")
                .endInitContainer()
                .addNewContainer()
                .withName("main")
                .endContainer()
                .endSpec()
                .withNewStatus()
                .withPhase("Failed")
                .endStatus()
                .build();
        RemotePodStatus remote = new RemotePodStatus(
                "multi",
                "u",
                "ns",
                "1",
                List.of(terminated("main", 1, "InitContainerFailed")),
                List.of(terminated("first", 2, "Error"), terminated("second", 1, "InitContainerFailed")));
        PodEvidence evidence = new PodEvidence(pod, Optional.of(remote), (p, c) -> "");

        assertThat(evidence.containerFailed("first")).isTrue();
        assertThat(evidence.containerFailed("second")).isFalse();
        assertThat(evidence.containerFailed("main")).isFalse();
    }

    private static io.fabric8.kubernetes.api.model.ContainerStatus terminated(String name, int code, String reason) {
        return new ContainerStatusBuilder()
                .withName(name)
                .withNewState()
                .withNewTerminated()
                .withExitCode(code)
                .withReason(reason)
                .endTerminated()
                .endState()
                .build();
    }
}
