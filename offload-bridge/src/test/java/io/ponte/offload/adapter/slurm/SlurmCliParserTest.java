package io.ponte.offload.adapter.slurm;

import static org.assertj.core.api.Assertions.assertThat;

import io.ponte.offload.adapter.slurm.SlurmJobState.State;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Parsing of output recorded from the real Slurm 22.05 of {@code scripts/slurm.sh} (paths
 * replaced): states such as TIMEOUT need a minute or more to produce, so they are read from
 * recordings here and produced live only where it is quick ({@link SlurmCliTest}).
 */
class SlurmCliParserTest {

    private static String golden(String name) throws IOException {
        try (InputStream in = SlurmCliParserTest.class.getResourceAsStream("/golden/slurm/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void finished_jobs_from_squeue_carry_state_exit_code_and_output_path() throws IOException {
        Map<String, SlurmCliParser.QueueLine> jobs =
                SlurmCliParser.squeue(golden("squeue-finished.txt"), ZoneOffset.UTC).stream()
                        .collect(Collectors.toMap(l -> l.job().jobId(), Function.identity()));

        assertThat(jobs.get("9").job().state()).isEqualTo(State.TIMEOUT);
        assertThat(jobs.get("9").job().reason()).contains("TimeLimit");
        assertThat(jobs.get("6").job().state()).isEqualTo(State.FAILED);
        assertThat(jobs.get("6").job().exitCode()).contains(3);
        assertThat(jobs.get("2").job().exitCode()).contains(128 + 9);
        assertThat(jobs.get("7").job().exitCode()).contains(128 + 15);
        assertThat(jobs.get("3").job().state()).isEqualTo(State.CANCELLED);
        assertThat(jobs.get("3").job().reason()).isEmpty();
        assertThat(jobs.get("6").stdout()).contains("/scratch/ponte/pods/slurm-6.out");
        assertThat(jobs.get("9").job().endTime()).contains(java.time.Instant.parse("2026-11-25T20:22:14Z"));
    }

    @Test
    void pending_jobs_have_no_start_time_and_running_ones_no_exit_code() throws IOException {
        Map<String, SlurmJobState> jobs = SlurmCliParser.squeue(golden("squeue-live.txt"), ZoneOffset.UTC).stream()
                .collect(Collectors.toMap(l -> l.job().jobId(), SlurmCliParser.QueueLine::job));

        assertThat(jobs.get("11").state()).isEqualTo(State.PENDING);
        assertThat(jobs.get("11").reason()).contains("BeginTime");
        assertThat(jobs.get("11").startTime()).isEmpty();
        assertThat(jobs.get("12").reason()).contains("Resources");
        assertThat(jobs.get("10").state()).isEqualTo(State.RUNNING);
        assertThat(jobs.get("10").startTime()).isPresent();
        assertThat(jobs.get("10").exitCode()).isEmpty();
        assertThat(jobs.get("10").endTime()).isEmpty();
    }

    @Test
    void the_completion_log_gives_the_same_answers_as_squeue() throws IOException {
        Map<String, SlurmJobState> fromLog =
                SlurmCliParser.sacct(golden("sacct-completion-log.txt"), ZoneOffset.UTC).stream()
                        .collect(Collectors.toMap(SlurmJobState::jobId, Function.identity()));
        Map<String, SlurmJobState> fromQueue =
                SlurmCliParser.squeue(golden("squeue-finished.txt"), ZoneOffset.UTC).stream()
                        .collect(Collectors.toMap(l -> l.job().jobId(), SlurmCliParser.QueueLine::job));

        for (String id : List.of("2", "3", "6", "7")) {
            assertThat(fromLog.get(id).state())
                    .as(id)
                    .isEqualTo(fromQueue.get(id).state());
            assertThat(fromLog.get(id).exitCode())
                    .as(id)
                    .isEqualTo(fromQueue.get(id).exitCode());
            assertThat(fromLog.get(id).startTime())
                    .as(id)
                    .isEqualTo(fromQueue.get(id).startTime());
        }
        assertThat(fromLog.get("9").state()).isEqualTo(State.TIMEOUT);
    }

    @Test
    void every_terminal_state_slurm_names_is_recognised() {
        assertThat(SlurmCliParser.state("OUT_OF_MEMORY")).isEqualTo(State.OUT_OF_MEMORY);
        assertThat(SlurmCliParser.state("OOM")).isEqualTo(State.OUT_OF_MEMORY);
        assertThat(SlurmCliParser.state("NODE_FAIL")).isEqualTo(State.NODE_FAIL);
        assertThat(SlurmCliParser.state("TIMEOUT")).isEqualTo(State.TIMEOUT);
        assertThat(SlurmCliParser.state("CANCELLED by 0")).isEqualTo(State.CANCELLED);
        assertThat(SlurmCliParser.state("BOOT_FAIL")).isEqualTo(State.FAILED);
        assertThat(SlurmCliParser.state("COMPLETING")).isEqualTo(State.COMPLETING);
        assertThat(SlurmCliParser.state("CONFIGURING")).isEqualTo(State.PENDING);
        assertThat(SlurmCliParser.state("SOMETHING_NEW")).isEqualTo(State.UNKNOWN);
    }

    @Test
    void sacct_exit_codes_with_a_signal_read_as_a_shell_would() {
        assertThat(SlurmCliParser.exitPair("3:0", State.FAILED)).contains(3);
        assertThat(SlurmCliParser.exitPair("0:9", State.FAILED)).contains(137);
        assertThat(SlurmCliParser.exitPair("0:0", State.RUNNING)).isEmpty();
    }

    @Test
    void time_limits_read_in_minutes() {
        assertThat(SlurmCliParser.minutes("infinite")).isEqualTo(-1);
        assertThat(SlurmCliParser.minutes("UNLIMITED")).isEqualTo(-1);
        assertThat(SlurmCliParser.minutes("30")).isEqualTo(30);
        assertThat(SlurmCliParser.minutes("30:00")).isEqualTo(30);
        assertThat(SlurmCliParser.minutes("2:00:00")).isEqualTo(120);
        assertThat(SlurmCliParser.minutes("1-00:00:00")).isEqualTo(1440);
        assertThat(SlurmCliParser.minutes("2-12")).isEqualTo(2 * 1440 + 12 * 60);
    }

    @Test
    void partitions_fold_nodes_and_read_gpus_from_gres() {
        String sinfo = String.join(
                "\n",
                "debug*|n1|2|19284|(null)|infinite",
                "gpu|g1|32|512000|gpu:a100:4(S:0-1)|1-00:00:00",
                "gpu|g2|64|256000|gpu:8|1-00:00:00",
                "");

        assertThat(SlurmCliPartitions.parse(sinfo, "")).contains(new PartitionInfo("debug", 1, 2, 19284, 0, -1));
        assertThat(SlurmCliPartitions.parse(sinfo, "gpu")).contains(new PartitionInfo("gpu", 2, 64, 512000, 8, 1440));
        assertThat(SlurmCliPartitions.parse(sinfo, "none")).isEmpty();
    }

    @Test
    void error_messages_lose_the_command_prefix() {
        assertThat(
                        SlurmCli.message(
                                "sbatch",
                                "sbatch: error: Memory specification can not be satisfied\n"
                                        + "sbatch: error: Batch job submission failed: Requested node configuration is not available\n"))
                .isEqualTo("Memory specification can not be satisfied; "
                        + "Batch job submission failed: Requested node configuration is not available");
    }
}
