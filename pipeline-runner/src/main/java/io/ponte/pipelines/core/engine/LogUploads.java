package io.ponte.pipelines.core.engine;

import io.ponte.pipelines.spi.ObjectStore;
import io.ponte.pipelines.spi.TaskRecord;
import io.ponte.pipelines.spi.TaskState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.jboss.logging.Logger;

/**
 * The log uploads of one run, taken off the tasks' critical path: an ended attempt is recorded (and
 * its downstream started) with its log's URI while the upload runs on a worker; the run's final
 * state is stored only after every upload ended ({@link #awaitAll}).
 *
 * <p>Durability: the local {@code attempt.log} is the upload's source and stays until the upload
 * succeeded (a succeeded attempt's directory is deleted only then, unless work directories are
 * kept). A runner killed with uploads in flight leaves those files behind, and the resumed run
 * uploads the log of every ended attempt whose file is still there ({@link #redoAfterResume})
 * before it can end. Until a log is uploaded, readers get the local file ({@link AttemptLogs}).
 */
final class LogUploads {

    private static final Logger LOG = Logger.getLogger(LogUploads.class);

    private final ObjectStore store;
    private final Executor workers;
    private final Set<CompletableFuture<Void>> pending = ConcurrentHashMap.newKeySet();

    LogUploads(ObjectStore store, Executor workers) {
        this.store = store;
        this.workers = workers;
    }

    /**
     * Uploads {@code log} to {@code uri} in the background, then deletes {@code deleteAfter} (the
     * attempt directory, when it is not kept) once the log is stored.
     */
    void upload(Path log, String uri, Path deleteAfter) {
        CompletableFuture<Void> f = CompletableFuture.runAsync(() -> uploadNow(log, uri, deleteAfter), workers);
        pending.add(f);
        f.whenComplete((v, e) -> pending.remove(f));
    }

    private void uploadNow(Path log, String uri, Path deleteAfter) {
        for (int round = 1; ; round++) {
            try {
                store.upload(log, uri);
                break;
            } catch (IOException | RuntimeException e) {
                if (round == 3) {
                    // The file stays: the next resume of the run uploads it again.
                    LOG.warnf("cannot store log %s (kept at %s): %s", uri, log, e.getMessage());
                    return;
                }
            }
        }
        if (deleteAfter != null) {
            try {
                WorkDirs.deleteTree(deleteAfter);
            } catch (IOException e) {
                LOG.debugf("cannot delete %s: %s", deleteAfter, e.getMessage());
            }
        }
    }

    /** Waits for the uploads started so far (called before the run's final state is stored). */
    void awaitAll() {
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
    }

    /**
     * After a restart: uploads the logs of ended attempts still on local disk (their upload was in
     * flight or failed when the previous runner stopped). The current attempt of an unfinished task
     * may still be running (it is re-attached) and is left alone. Uploads are idempotent (same URI,
     * same content), so a log uploaded before the kill but not yet deleted is only stored again.
     */
    void redoAfterResume(RunContext run, List<TaskRecord> tasks, Launcher launcher, boolean deleteSucceeded) {
        for (TaskRecord t : tasks) {
            int last = t.state().isFinal() ? t.attempts() : t.attempts() - 1;
            for (int a = 1; a <= last; a++) {
                Path dir = launcher.attemptDir(run.runId(), t.taskPath(), a);
                Path log = dir.resolve("attempt.log");
                if (Files.isRegularFile(log)) {
                    boolean delete = deleteSucceeded && a == t.attempts() && t.state() == TaskState.SUCCEEDED;
                    upload(log, Launcher.logUri(run, t.taskPath(), a), delete ? dir : null);
                }
            }
        }
    }
}
