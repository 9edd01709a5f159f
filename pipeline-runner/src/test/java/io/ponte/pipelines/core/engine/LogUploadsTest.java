package io.ponte.pipelines.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.ponte.pipelines.adapter.memory.FileSystemObjectStore;
import io.ponte.pipelines.spi.TaskRecord;
import io.ponte.pipelines.spi.TaskState;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Logs uploaded after the attempt was recorded: awaited before the run ends, and uploaded again by a
 * resumed run when the runner stopped before the upload (the local file is still there).
 */
class LogUploadsTest {

    @TempDir
    Path dir;

    private final ExecutorService workers = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        workers.shutdownNow();
    }

    @Test
    void an_upload_is_stored_by_the_time_awaitAll_returns_and_its_directory_deleted_after() throws Exception {
        FileSystemObjectStore objects = new FileSystemObjectStore(dir.resolve("s3"));
        Launcher launcher = new Launcher(EngineSettings.defaults(dir.resolve("work")), objects);
        RunContext run = run();
        Path attemptDir = launcher.attemptDir(run.runId(), "root/a", 1);
        Path log = write(attemptDir.resolve("attempt.log"), "hello from a\n");
        LogUploads uploads = new LogUploads(objects, workers);

        uploads.upload(log, Launcher.logUri(run, "root/a", 1), attemptDir);
        uploads.awaitAll();

        assertThat(read(objects, Launcher.logUri(run, "root/a", 1))).isEqualTo("hello from a\n");
        assertThat(attemptDir).doesNotExist();
    }

    @Test
    void a_resumed_run_uploads_the_logs_of_ended_attempts_left_on_disk_but_not_the_running_one() throws Exception {
        FileSystemObjectStore objects = new FileSystemObjectStore(dir.resolve("s3"));
        Launcher launcher = new Launcher(EngineSettings.defaults(dir.resolve("work")), objects);
        RunContext run = run();
        // "root/done" succeeded at attempt 2 (attempt 1 failed); "root/busy" runs attempt 2 (re-attached).
        Path done1 = launcher.attemptDir(run.runId(), "root/done", 1);
        Path done2 = launcher.attemptDir(run.runId(), "root/done", 2);
        Path busy1 = launcher.attemptDir(run.runId(), "root/busy", 1);
        Path busy2 = launcher.attemptDir(run.runId(), "root/busy", 2);
        write(done1.resolve("attempt.log"), "done 1\n");
        write(done2.resolve("attempt.log"), "done 2\n");
        write(busy1.resolve("attempt.log"), "busy 1\n");
        write(busy2.resolve("attempt.log"), "busy 2, still writing\n");
        LogUploads uploads = new LogUploads(objects, workers);

        uploads.redoAfterResume(
                run,
                List.of(task(run, "root/done", TaskState.SUCCEEDED, 2), task(run, "root/busy", TaskState.RUNNING, 2)),
                launcher,
                true);
        uploads.awaitAll();

        assertThat(read(objects, Launcher.logUri(run, "root/done", 1))).isEqualTo("done 1\n");
        assertThat(read(objects, Launcher.logUri(run, "root/done", 2))).isEqualTo("done 2\n");
        assertThat(read(objects, Launcher.logUri(run, "root/busy", 1))).isEqualTo("busy 1\n");
        assertThat(objects.open(Launcher.logUri(run, "root/busy", 2)))
                .as("the running attempt's log is uploaded when it ends")
                .isEmpty();
        assertThat(done2)
                .as("the succeeded attempt's directory goes once its log is stored")
                .doesNotExist();
        assertThat(done1).as("a failed attempt's directory is kept").exists();
        assertThat(busy2.resolve("attempt.log")).exists();
    }

    private static RunContext run() {
        return new RunContext("run-1", "run", "p", "s3://ponte-pipelines/p", Instant.parse("2026-03-01T10:00:00Z"));
    }

    private static TaskRecord task(RunContext run, String path, TaskState state, int attempts) {
        TaskUpdate u = new TaskUpdate(TaskUpdate.fresh(run.runId(), path, path, Optional.of("local")));
        u.state = state;
        u.attempts = attempts;
        return u.toRecord();
    }

    private static Path write(Path file, String text) throws Exception {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    private static String read(FileSystemObjectStore objects, String uri) throws Exception {
        try (InputStream in = objects.open(uri).orElseThrow(() -> new AssertionError("not stored: " + uri))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
