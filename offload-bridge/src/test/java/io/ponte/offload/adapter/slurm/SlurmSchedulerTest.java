package io.ponte.offload.adapter.slurm;

import static org.assertj.core.api.Assertions.assertThat;

import io.ponte.offload.core.PodRecord;
import io.ponte.offload.core.PodStatusView;
import io.ponte.offload.spi.JobScheduler;
import io.ponte.offload.spi.JobSchedulerContract;
import io.ponte.offload.testing.TestPods;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The slurm backend against the real single-node cluster of {@code scripts/slurm.sh}, which {@link
 * SlurmCluster} starts when it is not running; when it cannot start, these tests fail (never skip).
 * Pod directories live under the module's {@code target/}, which slurmd (same host) reads.
 */
@ExtendWith(SlurmCluster.class)
class SlurmSchedulerTest extends JobSchedulerContract {

    @Override
    protected JobScheduler newScheduler() {
        return new SlurmScheduler(SlurmCluster.cli(), Optional.empty());
    }

    @Override
    protected Duration patience() {
        return Duration.ofSeconds(60);
    }

    @Test
    void a_job_over_its_time_limit_ends_as_slurm_job_timeout() {
        PodRecord pod = create(TestPods.pod(
                "slow",
                List.of(),
                List.of(TestPods.sh("main", "sleep 300")),
                Map.of("slurm-job.vk.io/flags", "--time=1")));

        PodStatusView status = await(pod, Duration.ofSeconds(150));
        awaitEnd(pod);

        assertThat(status.containers().get(0).getState().getTerminated().getReason())
                .isEqualTo("SlurmJobTimeout");
    }

    @Test
    void the_job_script_carries_the_pods_flags_as_sbatch_directives() throws Exception {
        PodRecord pod = create(TestPods.pod(
                "flags",
                List.of(),
                List.of(TestPods.sh("main", "true")),
                Map.of("slurm-job.vk.io/flags", "--job-name=test-pod-cfg -t 2800")));

        List<String> directives = Files.readAllLines(pod.dir().script()).stream()
                .filter(l -> l.startsWith("#SBATCH"))
                .toList();

        assertThat(directives)
                .contains("#SBATCH --job-name=test-pod-cfg", "#SBATCH --time=2800")
                .contains("#SBATCH --output=" + pod.dir().path().toAbsolutePath() + "/job.out");
        awaitEnd(pod);
        assertThat(Files.readString(pod.dir().log("main"))).isEmpty(); // no scheduler banner in a container log
    }

    @Test
    void a_job_sbatch_refuses_fails_the_pod_with_slurms_reason() {
        var request = TestPods.pod(
                "refused",
                List.of(),
                List.of(TestPods.sh("main", "true")),
                Map.of("slurm-job.vk.io/flags", "--partition=no-such-partition"));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> service.create(request))
                .isInstanceOf(io.ponte.offload.core.PodRejectedException.class)
                .hasMessageContaining("refused")
                .hasMessageContaining("partition");
    }

    @Test
    void a_job_whose_id_was_never_recorded_is_found_on_restart_and_not_submitted_again() throws Exception {
        Path release = root.resolve("release-unrecorded");
        Path runs = root.resolve("runs-unrecorded");
        PodRecord pod = create(TestPods.pod(
                "unrecorded",
                List.of(),
                List.of(TestPods.sh(
                        "main", "echo ran >> " + runs + "; while [ ! -e " + release + " ]; do sleep 0.1; done")),
                Map.of("slurm-job.vk.io/flags", "--job-name=custom-name")));
        org.awaitility.Awaitility.await()
                .atMost(patience())
                .until(() -> Files.exists(pod.dir().started("main")));
        // the bridge died after sbatch answered and before the id reached the pod directory
        service.close();
        Files.delete(pod.dir().jobId());

        service = newService(root);

        assertThat(pod.dir().jobId()).hasContent(pod.jobId());
        assertThat(service.status(List.of(pod.uid())).get(0).jobId()).isEqualTo(pod.jobId());
        assertThat(service.create(recreate(pod)).jobId()).isEqualTo(pod.jobId());
        Files.writeString(release, "");
        PodStatusView ended = awaitEnd(pod);
        assertThat(ended.containers().get(0).getState().getTerminated().getExitCode())
                .isZero();
        assertThat(scheduler.submits.get()).isZero();
        assertThat(Files.readAllLines(runs)).containsExactly("ran");
    }

    @Test
    void a_pod_directory_whose_job_never_reached_slurm_is_removed_on_restart() throws Exception {
        PodRecord pod = create(TestPods.pod("never", List.of(), List.of(TestPods.sh("main", "true"))));
        awaitEnd(pod);
        service.close();
        // what a crash before sbatch leaves: the request and the script, no job id; the job name
        // in the script is one Slurm never saw
        Files.delete(pod.dir().jobId());
        String script = Files.readString(pod.dir().script());
        Files.writeString(
                pod.dir().script(), script.replace("#SBATCH --job-name=ponte-", "#SBATCH --job-name=unsent-"));

        service = newService(root);

        assertThat(pod.dir().path()).doesNotExist();
        assertThat(scheduler.submits.get()).isZero();
    }

    private PodStatusView await(PodRecord pod, Duration atMost) {
        return org.awaitility.Awaitility.await()
                .atMost(atMost)
                .until(
                        () -> service.status(List.of(pod.uid())).get(0),
                        s -> s.containers().get(0).getState().getTerminated() != null);
    }

    /**
     * Under the build directory rather than the test's temporary one: slurmd (same host, as root)
     * may still close a job's output file after the job was reported ended.
     */
    @Override
    protected Path podRoot(Path temp) throws Exception {
        return Path.of("target", "slurm-contract-pods", temp.getFileName().toString())
                .toAbsolutePath();
    }
}
