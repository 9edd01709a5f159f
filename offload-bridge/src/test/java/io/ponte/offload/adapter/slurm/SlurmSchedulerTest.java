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
