package io.ponte.offload.vktest;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class PodPhaseMapperTest {

    private static ContainerStatus running(String name) {
        return new ContainerStatusBuilder()
                .withName(name)
                .withNewState()
                .withNewRunning()
                .withStartedAt("2026-01-01T00:00:00Z")
                .endRunning()
                .endState()
                .build();
    }

    private static ContainerStatus waiting(String name) {
        return new ContainerStatusBuilder()
                .withName(name)
                .withNewState()
                .withNewWaiting()
                .withReason("PodInitializing")
                .endWaiting()
                .endState()
                .build();
    }

    private static ContainerStatus exited(String name, int code, String reason) {
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

    private static PodStatus map(List<ContainerStatus> init, List<ContainerStatus> containers) {
        PodStatus status = new PodStatusBuilder().withPhase("Pending").build();
        PodPhaseMapper.apply(status, new RemotePodStatus("p", "uid", "ns", "1", containers, init));
        return status;
    }

    @Test
    void any_running_container_makes_the_pod_running() {
        PodStatus s = map(List.of(), List.of(running("a"), exited("b", 0, "Completed")));

        assertThat(s.getPhase()).isEqualTo("Running");
        assertThat(s.getContainerStatuses())
                .filteredOn(c -> c.getName().equals("a"))
                .singleElement()
                .extracting(ContainerStatus::getReady)
                .isEqualTo(true);
    }

    @Test
    void all_terminated_with_exit_zero_is_succeeded() {
        assertThat(map(List.of(exited("i", 0, null)), List.of(exited("a", 0, null), exited("b", 0, null)))
                        .getPhase())
                .isEqualTo("Succeeded");
    }

    @Test
    void one_non_zero_exit_fails_the_pod_with_its_code_as_reason_and_hides_the_plugin_reason() {
        PodStatus s = map(List.of(), List.of(exited("a", 0, null), exited("b", 137, "OOMKilled")));

        assertThat(s.getPhase()).isEqualTo("Failed");
        assertThat(s.getReason()).isEqualTo("Error: 137");
        assertThat(s.getContainerStatuses())
                .allSatisfy(c ->
                        assertThat(c.getState().getTerminated().getReason()).isEqualTo("Error: 137"));
    }

    @Test
    void an_empty_container_list_counts_as_succeeded() {
        assertThat(map(List.of(), List.of()).getPhase()).isEqualTo("Succeeded");
    }

    @Test
    void a_running_init_container_keeps_the_pod_pending_and_its_containers_waiting() {
        PodStatus s = map(List.of(exited("i1", 0, null), running("i2")), List.of(running("a")));

        assertThat(s.getPhase()).isEqualTo("Pending");
        assertThat(s.getReason()).isEqualTo("Init");
        assertThat(s.getContainerStatuses()).singleElement().satisfies(c -> {
            assertThat(c.getState().getWaiting().getReason()).isEqualTo("Init:1/2");
            assertThat(c.getState().getRunning()).isNull();
        });
    }

    @Test
    void a_failed_init_container_fails_the_pod_only_once_the_containers_are_reported_terminated() {
        PodStatus stuck = map(List.of(exited("i", 3, null)), List.of(waiting("a")));
        PodStatus failed = map(List.of(exited("i", 3, null)), List.of(exited("a", 0, null)));

        assertThat(stuck.getPhase()).as("the VK leaves such a pod Pending").isEqualTo("Pending");
        assertThat(failed.getPhase()).isEqualTo("Failed");
        assertThat(failed.getReason()).isEqualTo("Error: 3");
    }

    @Test
    void later_answers_update_container_statuses_by_name() {
        PodStatus status = new PodStatusBuilder().withPhase("Pending").build();
        PodPhaseMapper.apply(status, new RemotePodStatus("p", "u", "n", "1", List.of(running("a")), List.of()));
        PodPhaseMapper.apply(status, new RemotePodStatus("p", "u", "n", "1", List.of(exited("a", 0, null)), List.of()));

        assertThat(status.getContainerStatuses()).hasSize(1);
        assertThat(status.getPhase()).isEqualTo("Succeeded");
    }
}
