package io.ponte.pipelines.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.ponte.pipelines.spi.ExecutorException;
import io.ponte.pipelines.spi.TaskExecutor;
import io.ponte.pipelines.spi.TaskHandle;
import io.ponte.pipelines.spi.TaskLaunch;
import io.ponte.pipelines.spi.TaskProgress.Phase;
import io.ponte.pipelines.spi.TaskResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link TaskExecutor} must do. Each adapter's test extends this class and says which
 * image runs a POSIX {@code sh} there, how to make a launch it cannot start, and (for adapters
 * whose far side is stood in for) how to play that far side.
 */
public abstract class TaskExecutorContractTest {

    /** Arguments no shell may touch on their way to the process. */
    protected static final List<String> TRICKY_ARGS = List.of(
            "plain",
            "two words",
            "quote\"s and 'apostrophes'",
            "back\\slash \\n not a newline",
            "`backticks` $(subshell) ${HOME} $1",
            "line one\nline two",
            "unicode: città ✓ 日本",
            "",
            "--flag=value;rm -rf /tmp/nothing &");

    /** Environment values no shell may touch. */
    protected static final Map<String, String> TRICKY_ENV = tricky();

    @TempDir
    protected Path tmp;

    /** The executor under test. */
    protected abstract TaskExecutor executor();

    /** An image under which {@code sh} and {@code sleep} run. */
    protected abstract String image();

    /** A launch like {@code valid} that this executor refuses to start. */
    protected abstract TaskLaunch unstartable(TaskLaunch valid);

    /** Words the refusal's message must contain (e.g. the image's name). */
    protected abstract String unstartableMentions(TaskLaunch unstartable);

    /** An executor as a restarted runner would build it (a new instance of the same adapter). */
    protected TaskExecutor restarted() {
        return executor();
    }

    /** A reference this executor never issued. */
    protected String unknownRef() {
        return "ponte-unknown-attempt-0";
    }

    /** Where attempts' work directories go (an executor may need them under a configured root). */
    protected Path workRoot() {
        return tmp;
    }

    protected Duration patience() {
        return Duration.ofSeconds(30);
    }

    /** A launch running {@code sh -c script task args...} with {@code env}. */
    protected TaskLaunch shell(String script, List<String> args, Map<String, String> env) throws IOException {
        String id = UUID.randomUUID().toString().substring(0, 8);
        Path work = Files.createDirectories(workRoot().resolve("attempt-" + id));
        List<String> allArgs = new ArrayList<>(List.of(script, "task"));
        allArgs.addAll(args);
        return new TaskLaunch(
                "run-" + id,
                "root/step-" + id,
                1,
                image(),
                List.of("sh", "-c"),
                allArgs,
                env,
                TaskLaunch.Resources.none(),
                work,
                List.of(),
                work.resolve("attempt.log"),
                Map.of("ponte.io/test", "contract"),
                Optional.empty(),
                Optional.empty());
    }

    protected TaskResult finish(TaskHandle handle) throws Exception {
        return handle.completion().toCompletableFuture().get(patience().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Test
    void runs_with_byte_exact_args_and_env_and_reports_the_exit_code() throws Exception {
        TaskLaunch launch = shell(
                "for a in \"$@\"; do printf '<%s>\\n' \"$a\"; done > args.txt;"
                        + " printf '<%s>\\n' \"$TRICKY\" \"$EMPTY\" \"$LAST\" > env.txt; exit 3",
                TRICKY_ARGS, TRICKY_ENV);

        TaskHandle handle = executor().start(launch);
        TaskResult result = finish(handle);

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.succeeded()).isFalse();
        assertThat(result.cancelled()).isFalse();
        assertThat(handle.progress().phase()).isEqualTo(Phase.FAILED);
        assertThat(Files.readString(launch.workDir().resolve("args.txt"))).isEqualTo(framed(TRICKY_ARGS));
        assertThat(Files.readString(launch.workDir().resolve("env.txt")))
                .isEqualTo(framed(List.of(TRICKY_ENV.get("TRICKY"), "", TRICKY_ENV.get("LAST"))));
    }

    @Test
    void combined_output_lands_in_the_log_file_and_success_is_reported() throws Exception {
        TaskLaunch launch =
                shell("echo to-stdout; echo to-stderr >&2; echo made > product.txt; echo done", List.of(), Map.of());

        TaskHandle handle = executor().start(launch);
        TaskResult result = finish(handle);

        assertThat(result.exitCode()).isZero();
        assertThat(result.succeeded()).isTrue();
        assertThat(handle.progress().phase()).isEqualTo(Phase.SUCCEEDED);
        assertThat(Files.readAllLines(launch.logFile())).contains("to-stdout", "to-stderr", "done");
        assertThat(launch.workDir().resolve("product.txt")).hasContent("made");
    }

    @Test
    void cancel_stops_the_task_and_completes_as_cancelled() throws Exception {
        TaskLaunch launch = shell("touch started; sleep 60; echo survived > survived.txt", List.of(), Map.of());

        TaskHandle handle = executor().start(launch);
        await().atMost(patience()).until(() -> Files.exists(launch.workDir().resolve("started")));
        handle.cancel();
        TaskResult result = finish(handle);
        handle.cancel();

        assertThat(result.cancelled()).isTrue();
        assertThat(result.succeeded()).isFalse();
        assertThat(handle.progress().phase()).isEqualTo(Phase.CANCELLED);
        assertThat(launch.workDir().resolve("survived.txt")).doesNotExist();
    }

    @Test
    void a_task_that_cannot_start_fails_at_once_with_a_clear_message() throws Exception {
        TaskLaunch launch = unstartable(shell("echo never", List.of(), Map.of()));

        assertThatThrownBy(() -> executor().start(launch))
                .isInstanceOf(ExecutorException.class)
                .hasMessageContaining(unstartableMentions(launch));
    }

    @Test
    void a_restarted_runner_reattaches_to_a_started_attempt_by_its_ref() throws Exception {
        TaskLaunch launch = shell("while [ ! -e go ]; do sleep 0.1; done; echo finished; exit 7", List.of(), Map.of());
        TaskHandle first = executor().start(launch);
        await().atMost(patience()).until(() -> first.progress().phase() == Phase.RUNNING);

        TaskExecutor after = restarted();
        Optional<TaskHandle> again = after.reattach(launch, first.ref());
        assertThat(again).isPresent();
        assertThat(again.get().ref()).isEqualTo(first.ref());
        assertThat(again.get().progress().phase()).isIn(Phase.QUEUED, Phase.RUNNING);

        Files.writeString(launch.workDir().resolve("go"), "");
        TaskResult result = finish(again.get());
        assertThat(result.exitCode()).isEqualTo(7);
        assertThat(again.get().progress().phase()).isEqualTo(Phase.FAILED);
        assertThat(Files.readAllLines(launch.logFile())).contains("finished");
    }

    @Test
    void reattach_finds_nothing_for_a_ref_it_never_issued() throws Exception {
        TaskLaunch launch = shell("echo unused", List.of(), Map.of());

        assertThat(restarted().reattach(launch, unknownRef())).isEmpty();
    }

    @Test
    void progress_moves_from_queued_or_running_to_succeeded() throws Exception {
        TaskLaunch launch = shell("while [ ! -e go ]; do sleep 0.1; done; echo ok", List.of(), Map.of());

        TaskHandle handle = executor().start(launch);
        List<Phase> seen = new ArrayList<>();
        seen.add(handle.progress().phase());
        await().atMost(patience()).until(() -> handle.progress().phase() == Phase.RUNNING);
        seen.add(Phase.RUNNING);
        assertThat(handle.completion().toCompletableFuture()).isNotDone();
        Files.writeString(launch.workDir().resolve("go"), "");
        finish(handle);
        seen.add(handle.progress().phase());

        assertThat(seen.get(0)).isIn(Phase.QUEUED, Phase.RUNNING);
        assertThat(seen.get(2)).isEqualTo(Phase.SUCCEEDED);
        assertThat(handle.progress().detail()).isNotBlank();
    }

    private static String framed(List<String> values) {
        StringBuilder out = new StringBuilder();
        values.forEach(v -> out.append('<').append(v).append(">\n"));
        return out.toString();
    }

    private static Map<String, String> tricky() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("TRICKY", "a \"quoted\" 'value' with `ticks` $(no) ${HOME} \\ back\nsecond line ✓");
        env.put("EMPTY", "");
        env.put("LAST", "  leading and trailing spaces  ");
        return env;
    }
}
