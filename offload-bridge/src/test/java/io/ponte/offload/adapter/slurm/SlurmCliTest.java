package io.ponte.offload.adapter.slurm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.ponte.offload.adapter.slurm.SlurmJobState.State;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@link SlurmCli} against the real single-node cluster of {@code scripts/slurm.sh}. */
@ExtendWith(SlurmCluster.class)
class SlurmCliTest {
    @TempDir
    Path dir;

    private final List<List<String>> commands = Collections.synchronizedList(new ArrayList<>());

    private SlurmCli cli() {
        return new SlurmCli(
                new SlurmCli.Options(Optional.of(SlurmCluster.conf()), Optional.empty(), Duration.ofSeconds(30)),
                (argv, workDir, env, deadline) -> {
                    commands.add(argv);
                    return SlurmCliProcess.run(argv, workDir, env, deadline);
                });
    }

    private Path script(String name, String... lines) throws IOException {
        Path script = dir.resolve(name + ".sh");
        Files.writeString(
                script,
                "#!/bin/sh\n#SBATCH --job-name=" + name + "\n#SBATCH --output=" + dir.resolve(name + ".out") + "\n"
                        + String.join("\n", lines) + "\n");
        return script;
    }

    private Map<String, SlurmJobState> awaitFinal(SlurmCli cli, List<String> ids) {
        return await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> cli.query(ids),
                        m -> m.size() == ids.size()
                                && m.values().stream().allMatch(s -> s.state().isFinal()));
    }

    @Test
    void one_squeue_process_answers_for_all_jobs_each_with_its_own_exit_code() throws Exception {
        SlurmCli cli = cli();
        List<String> ids = new ArrayList<>();
        for (int code = 0; code < 4; code++) {
            ids.add(cli.submit(script("exit" + code, "exit " + code), dir));
        }
        awaitFinal(cli, ids);

        commands.clear();
        Map<String, SlurmJobState> states = cli.query(ids);

        assertThat(commands).hasSize(1);
        assertThat(commands.get(0)).first().isEqualTo("squeue");
        assertThat(commands.get(0)).contains("--jobs=" + String.join(",", ids));
        assertThat(ids.stream()
                        .map(id -> states.get(id).exitCode().orElseThrow())
                        .toList())
                .containsExactly(0, 1, 2, 3);
        assertThat(states.get(ids.get(0)).state()).isEqualTo(State.COMPLETED);
        assertThat(states.get(ids.get(3)).state()).isEqualTo(State.FAILED);
        assertThat(states.get(ids.get(3)).startTime()).isPresent();
        assertThat(states.get(ids.get(3)).endTime()).isPresent();
    }

    @Test
    void a_running_job_is_reported_running_then_cancelled() throws Exception {
        SlurmCli cli = cli();
        String id = cli.submit(script("sleeper", "sleep 120"), dir);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> cli.query(List.of(id)).get(id).state(), s -> s == State.RUNNING);

        cli.cancel(id);

        SlurmJobState state = awaitFinal(cli, List.of(id)).get(id);
        assertThat(state.state()).isEqualTo(State.CANCELLED);
    }

    @Test
    void cancelling_a_finished_or_unknown_job_is_not_an_error() throws Exception {
        SlurmCli cli = cli();
        String id = cli.submit(script("quick", "true"), dir);
        awaitFinal(cli, List.of(id));

        cli.cancel(id);
        cli.cancel("999999999");
    }

    @Test
    void jobs_the_scheduler_does_not_know_are_absent() throws Exception {
        SlurmCli cli = cli();
        String id = cli.submit(script("known", "true"), dir);

        Map<String, SlurmJobState> states = cli.query(List.of(id, "999999998", "999999999"));

        assertThat(states).containsOnlyKeys(id);
        assertThat(cli.query(List.of("999999999"))).isEmpty();
    }

    @Test
    void finished_jobs_are_read_from_the_completion_log_when_the_controller_forgot_them() throws Exception {
        SlurmCli cli = cli();
        String ok = cli.submit(script("logged-ok", "true"), dir);
        String bad = cli.submit(script("logged-bad", "exit 7"), dir);
        awaitFinal(cli, List.of(ok, bad));

        Map<String, SlurmJobState> logged = await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> cli.completed(List.of(ok, bad)).stream()
                                .collect(Collectors.toMap(SlurmJobState::jobId, s -> s)),
                        m -> m.size() == 2);

        assertThat(logged.get(ok).state()).isEqualTo(State.COMPLETED);
        assertThat(logged.get(ok).exitCode()).contains(0);
        assertThat(logged.get(bad).state()).isEqualTo(State.FAILED);
        assertThat(logged.get(bad).exitCode()).contains(7);
    }

    @Test
    void a_job_over_its_memory_limit_ends_out_of_memory() throws Exception {
        SlurmCli cli = cli();
        String id = cli.submit(
                script(
                        "hog",
                        "#SBATCH --mem=50M",
                        "python3 -c 'a = b\"x\" * (300 * 1024 * 1024); import time; time.sleep(20)'"),
                dir);

        SlurmJobState state = awaitFinal(cli, List.of(id)).get(id);

        assertThat(state.state()).isEqualTo(State.OUT_OF_MEMORY);
    }

    @Test
    void sbatch_refusing_more_memory_than_the_node_has_is_not_retriable_and_says_why() throws Exception {
        Path script = script("too-much-memory", "#SBATCH --mem=100000000", "true");

        assertThatThrownBy(() -> cli().submit(script, dir))
                .isInstanceOfSatisfying(
                        SlurmException.class, e -> assertThat(e.retriable()).isFalse())
                .hasMessageContaining("Memory specification can not be satisfied")
                .hasMessageNotContaining("sbatch: error:");
    }

    @Test
    void sbatch_refusing_more_cpus_than_the_partition_has_is_not_retriable() throws Exception {
        Path script = script("too-many-cpus", "#SBATCH --cpus-per-task=4096", "true");

        assertThatThrownBy(() -> cli().submit(script, dir))
                .isInstanceOfSatisfying(
                        SlurmException.class, e -> assertThat(e.retriable()).isFalse())
                .hasMessageContaining("More processors requested than permitted");
    }

    @Test
    void sbatch_refusing_an_unknown_partition_is_not_retriable() throws Exception {
        Path script = script("no-partition", "#SBATCH --partition=nosuchpartition", "true");

        assertThatThrownBy(() -> cli().submit(script, dir))
                .isInstanceOfSatisfying(
                        SlurmException.class, e -> assertThat(e.retriable()).isFalse())
                .hasMessageContaining("Invalid partition name specified");
    }

    @Test
    void a_controller_that_does_not_answer_is_retriable() throws Exception {
        // The same cluster's configuration pointed at a port where no controller listens.
        String conf = Files.readString(SlurmCluster.conf())
                .replaceAll("(?m)^SlurmctldPort=.*$", "SlurmctldPort=" + freePort())
                .concat("MessageTimeout=1\n");
        Path down = Files.writeString(dir.resolve("down.conf"), conf);
        SlurmCli cli = new SlurmCli(new SlurmCli.Options(Optional.of(down), Optional.empty(), Duration.ofSeconds(30)));
        Path script = script("unsent", "true");

        assertThatThrownBy(() -> cli.submit(script, dir))
                .isInstanceOfSatisfying(
                        SlurmException.class, e -> assertThat(e.retriable()).isTrue())
                .hasMessageContaining("Unable to contact slurm controller");
        assertThatThrownBy(() -> cli.query(List.of("1")))
                .isInstanceOfSatisfying(
                        SlurmException.class, e -> assertThat(e.retriable()).isTrue());
    }

    @Test
    void a_command_past_its_deadline_is_killed_and_retriable() throws Exception {
        Path slowBin = Files.createDirectories(dir.resolve("bin"));
        Path squeue = Files.writeString(slowBin.resolve("squeue"), "#!/bin/sh\nexec sleep 30\n");
        squeue.toFile().setExecutable(true);
        SlurmCli cli = new SlurmCli(
                new SlurmCli.Options(Optional.of(SlurmCluster.conf()), Optional.of(slowBin), Duration.ofMillis(300)));

        long start = System.nanoTime();
        assertThatThrownBy(() -> cli.query(List.of("1")))
                .isInstanceOfSatisfying(
                        SlurmException.class, e -> assertThat(e.retriable()).isTrue())
                .hasMessageContaining("did not answer within 300 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void the_default_partition_offers_this_node() throws Exception {
        PartitionInfo partition = cli().partition("");

        assertThat(partition.name()).isEqualTo("debug");
        assertThat(partition.nodes()).isEqualTo(1);
        assertThat(partition.cpusPerNode()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(partition.memoryMbPerNode()).isPositive();
        assertThat(partition.gpusPerNode()).isZero();
        assertThat(partition.maxTimeMinutes()).isEqualTo(-1);
        assertThat(cli().partition("debug")).isEqualTo(partition);
    }

    @Test
    void an_unknown_partition_is_not_retriable() {
        assertThatThrownBy(() -> cli().partition("nosuchpartition"))
                .isInstanceOfSatisfying(
                        SlurmException.class, e -> assertThat(e.retriable()).isFalse())
                .hasMessageContaining("nosuchpartition");
    }

    private static int freePort() throws IOException {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
