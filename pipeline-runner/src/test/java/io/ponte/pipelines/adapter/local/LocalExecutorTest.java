package io.ponte.pipelines.adapter.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.ponte.pipelines.spi.ExecutorException;
import io.ponte.pipelines.spi.TaskHandle;
import io.ponte.pipelines.spi.TaskLaunch;
import io.ponte.pipelines.spi.TaskResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Behaviour of the local executor beyond the contract: process groups, deadlines, restarts, catalog. */
class LocalExecutorTest {
    @TempDir
    Path tmp;

    private final LocalExecutor executor = new LocalExecutor(
            LocalConfigs.of(Map.of(
                    "images.\"odd:1\".runtime", "chroot",
                    "images.\"entry:1\".runtime", "subprocess",
                    "images.\"entry:1\".entrypoint", "sh,-c,echo from-entrypoint $0")),
            Map.of("PATH", System.getenv("PATH"), "RUNNER_SECRET", "must-not-leak"));

    @AfterEach
    void close() {
        executor.close();
    }

    private TaskLaunch launch(String image, List<String> command, List<String> args) throws Exception {
        Path work = Files.createDirectories(tmp.resolve(UUID.randomUUID().toString()));
        return new TaskLaunch(
                "run-1",
                "root/t",
                1,
                image,
                command,
                args,
                Map.of("TASK_VAR", "v"),
                TaskLaunch.Resources.none(),
                work,
                List.of(),
                work.resolve("log.txt"),
                Map.of(),
                Optional.empty(),
                Optional.empty());
    }

    private static TaskResult finish(TaskHandle h) throws Exception {
        return h.completion().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @Test
    void the_subprocess_log_says_on_its_first_line_that_the_image_is_not_used() throws Exception {
        TaskLaunch launch = launch("python:3.11", List.of("echo", "hi"), List.of());

        finish(executor.start(launch));

        List<String> log = Files.readAllLines(launch.logFile());
        assertThat(log.get(0)).startsWith("[ponte] subprocess runtime: image python:3.11 is not used");
        assertThat(log.get(1)).isEqualTo("hi");
    }

    @Test
    void subprocess_tasks_inherit_only_the_listed_runner_variables() throws Exception {
        TaskLaunch launch = launch("python:3.11", List.of("sh", "-c", "env > env.txt"), List.of());

        finish(executor.start(launch));

        List<String> env = Files.readAllLines(launch.workDir().resolve("env.txt"));
        assertThat(env).contains("TASK_VAR=v", "PATH=" + System.getenv("PATH"));
        assertThat(env).noneMatch(l -> l.startsWith("RUNNER_SECRET="));
    }

    @Test
    void cancel_kills_the_whole_process_tree() throws Exception {
        TaskLaunch launch =
                launch("python:3.11", List.of("sh", "-c", "sleep 300 & echo $! > child.pid; wait"), List.of());
        TaskHandle handle = executor.start(launch);
        Path pidFile = launch.workDir().resolve("child.pid");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(pidFile) && Files.size(pidFile) > 0);
        long child = Long.parseLong(Files.readString(pidFile).trim());
        assertThat(ProcessHandle.of(child)).isPresent();

        handle.cancel();
        TaskResult result = finish(handle);

        assertThat(result.cancelled()).isTrue();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> ProcessHandle.of(child).map(p -> !p.isAlive()).orElse(true));
    }

    @Test
    void a_deadline_stops_the_task_and_says_so() throws Exception {
        TaskLaunch launch =
                Launches.withTimeout(launch("python:3.11", List.of("sleep", "30"), List.of()), Duration.ofMillis(300));

        long t0 = System.nanoTime();
        TaskResult result = finish(executor.start(launch));

        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
        assertThat(result.succeeded()).isFalse();
        assertThat(result.cancelled()).isFalse();
        assertThat(result.reason()).get().asString().contains("deadline exceeded");
    }

    @Test
    void a_restarted_runner_reads_the_exit_code_of_an_attempt_that_ended_while_it_was_down() throws Exception {
        TaskLaunch launch = launch("python:3.11", List.of("sh", "-c", "exit 5"), List.of());
        TaskHandle first = executor.start(launch);
        finish(first);

        try (LocalExecutor after = new LocalExecutor(LocalConfigs.of(Map.of()))) {
            TaskHandle again = after.reattach(launch, first.ref()).orElseThrow();
            TaskResult result = finish(again);

            assertThat(result.exitCode()).isEqualTo(5);
            assertThat(result.cancelled()).isFalse();
        }
    }

    @Test
    void a_reused_pid_is_not_mistaken_for_the_attempt() throws Exception {
        TaskLaunch launch = launch("python:3.11", List.of("sleep", "30"), List.of());
        TaskHandle running = executor.start(launch);
        ProcessRef real = ProcessRef.parse(running.ref()).orElseThrow();
        // Same pid, another start time: what a stored ref looks like once the kernel reused the pid.
        String stale = new ProcessRef(real.pid(), real.startTime() - 1).format();
        Path refFile = launch.workDir().resolve(LocalExecutor.REF_FILE);
        Files.writeString(refFile, stale + "\n" + System.currentTimeMillis() + "\n");

        try (LocalExecutor after = new LocalExecutor(LocalConfigs.of(Map.of()))) {
            TaskResult result = finish(after.reattach(launch, stale).orElseThrow());

            assertThat(result.succeeded()).isFalse();
            assertThat(result.reason()).get().asString().contains("without recording its exit status");
            assertThat(ProcessHandle.of(real.pid()).map(ProcessHandle::isAlive)).contains(true);
        } finally {
            running.cancel();
            finish(running);
        }
    }

    @Test
    void a_ref_recorded_for_another_attempt_is_unknown() throws Exception {
        TaskLaunch launch = launch("python:3.11", List.of("true"), List.of());
        TaskHandle first = executor.start(launch);
        finish(first);
        TaskLaunch other = launch("python:3.11", List.of("true"), List.of());

        assertThat(executor.reattach(other, first.ref())).isEmpty();
    }

    @Test
    void the_catalog_entrypoint_runs_when_the_task_sets_no_command() throws Exception {
        TaskLaunch launch = launch("entry:1", List.of(), List.of("arg-one"));

        finish(executor.start(launch));

        assertThat(Files.readAllLines(launch.logFile())).contains("from-entrypoint arg-one");
    }

    @Test
    void a_task_without_a_command_or_an_entrypoint_is_refused() throws Exception {
        TaskLaunch launch = launch("python:3.11", List.of(), List.of("x"));

        assertThatThrownBy(() -> executor.start(launch))
                .isInstanceOf(ExecutorException.class)
                .hasMessageContaining("sets no command")
                .hasMessageContaining("python:3.11")
                .satisfies(e -> assertThat(((ExecutorException) e).retriable()).isFalse());
    }

    @Test
    void an_image_mapped_to_an_unknown_runtime_is_refused_naming_it() throws Exception {
        TaskLaunch launch = launch("odd:1", List.of("true"), List.of());

        assertThatThrownBy(() -> executor.start(launch))
                .isInstanceOf(ExecutorException.class)
                .hasMessageContaining("odd:1")
                .hasMessageContaining("'chroot'");
    }
}
