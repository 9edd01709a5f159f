package io.ponte.pipelines.adapter.offload;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Pod;
import io.ponte.pipelines.spi.ExecutorException;
import io.ponte.pipelines.spi.TaskHandle;
import io.ponte.pipelines.spi.TaskLaunch;
import io.ponte.pipelines.spi.TaskProgress;
import io.ponte.pipelines.spi.TaskProgress.Phase;
import io.ponte.pipelines.spi.TaskResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Follows one pod on a plugin by polling {@code /status}: {@code waiting} is QUEUED (with the
 * plugin's reason, e.g. the Slurm job pending), {@code running} is RUNNING, {@code terminated}
 * ends the attempt with the container's exit code once its log has been copied from {@code
 * /getLogs}. Cancel and deadlines delete the pod.
 */
final class PodHandle implements TaskHandle {
    private final PluginClient plugin;
    private final Pod pod;
    private final TaskLaunch launch;
    private final boolean deleteFinished;
    private final CompletableFuture<TaskResult> done = new CompletableFuture<>();
    private volatile TaskProgress progress;
    private volatile Instant startedAt;
    private volatile String stopReason;
    private ScheduledFuture<?> polling;

    PodHandle(PluginClient plugin, Pod pod, TaskLaunch launch, boolean deleteFinished, String submitted) {
        this.plugin = plugin;
        this.pod = pod;
        this.launch = launch;
        this.deleteFinished = deleteFinished;
        this.progress = new TaskProgress(Phase.QUEUED, submitted);
    }

    PodHandle follow(ScheduledExecutorService timers, Duration every, Optional<Duration> deadline, Instant since) {
        polling = timers.scheduleWithFixedDelay(this::poll, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        deadline.ifPresent(d -> timers.schedule(
                () -> stop("deadline exceeded: the task ran longer than " + d),
                Math.max(0, Duration.between(Instant.now(), since.plus(d)).toMillis()),
                TimeUnit.MILLISECONDS));
        return this;
    }

    @Override
    public String ref() {
        return OffloadExecutor.ref(plugin.site(), pod);
    }

    @Override
    public TaskProgress progress() {
        return progress;
    }

    @Override
    public CompletionStage<TaskResult> completion() {
        return done;
    }

    @Override
    public void cancel() {
        stop(null);
    }

    private synchronized void stop(String reason) {
        if (done.isDone()) {
            return;
        }
        stopReason = reason;
        copyLog();
        try {
            plugin.delete(pod);
        } catch (ExecutorException e) {
            appendLog("[ponte] " + e.getMessage());
        }
        finish(new TaskResult(
                -1,
                reason == null,
                Optional.ofNullable(reason).or(() -> Optional.of("cancelled")),
                Optional.ofNullable(startedAt),
                Instant.now()));
    }

    private synchronized void poll() {
        if (done.isDone()) {
            return;
        }
        try {
            Optional<JsonNode> status = plugin.status(pod);
            if (status.isEmpty()) {
                finish(new TaskResult(
                        -1,
                        false,
                        Optional.of("offload site " + plugin.site() + " no longer knows pod " + name()),
                        Optional.ofNullable(startedAt),
                        Instant.now()));
                return;
            }
            observe(status.get());
        } catch (ExecutorException e) {
            progress = new TaskProgress(progress.phase(), e.getMessage());
        }
    }

    private void observe(JsonNode status) throws ExecutorException {
        String job = status.path("JID").asText("");
        String jobText = job.isEmpty() ? "" : " (job " + job + ")";
        JsonNode main = null;
        for (JsonNode c : status.path("containers")) {
            if (PodManifest.CONTAINER.equals(c.path("name").asText())) {
                main = c;
            }
        }
        JsonNode state = main == null ? null : main.path("state");
        if (state == null || state.isMissingNode() || state.isEmpty()) {
            progress = new TaskProgress(Phase.QUEUED, "submitted to " + plugin.site() + jobText + ", no status yet");
        } else if (state.has("terminated")) {
            JsonNode t = state.get("terminated");
            int exit = t.path("exitCode").asInt(-1);
            copyLog();
            if (deleteFinished) {
                plugin.delete(pod);
            }
            String reason = t.path("reason").asText("");
            finish(new TaskResult(
                    exit,
                    false,
                    exit == 0
                            ? Optional.empty()
                            : Optional.of("exit code " + exit + (reason.isEmpty() ? "" : " (" + reason + ")")),
                    Optional.ofNullable(startedAt),
                    Instant.now()));
        } else if (state.has("running")) {
            if (startedAt == null) {
                startedAt = Instant.now();
            }
            progress = new TaskProgress(
                    Phase.RUNNING,
                    "running on " + plugin.site() + jobText + " since "
                            + state.get("running").path("startedAt").asText("?"));
        } else {
            JsonNode w = state.path("waiting");
            progress = new TaskProgress(
                    Phase.QUEUED,
                    "waiting on " + plugin.site() + jobText + ": "
                            + (w.path("reason").asText("") + " "
                                            + w.path("message").asText(""))
                                    .strip());
        }
    }

    private void copyLog() {
        try {
            Files.writeString(
                    launch.logFile(),
                    plugin.logs(pod, PodManifest.CONTAINER),
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (ExecutorException | IOException e) {
            appendLog("[ponte] the log of pod " + name() + " could not be copied: " + e.getMessage());
        }
    }

    private void appendLog(String line) {
        try {
            Files.writeString(launch.logFile(), line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            // The attempt's directory is gone: nothing more to say.
        }
    }

    private String name() {
        return pod.getMetadata().getName();
    }

    private void finish(TaskResult result) {
        if (polling != null) {
            polling.cancel(false);
        }
        progress = result.cancelled()
                ? new TaskProgress(Phase.CANCELLED, "cancelled: pod " + name() + " deleted on " + plugin.site())
                : new TaskProgress(
                        result.succeeded() ? Phase.SUCCEEDED : Phase.FAILED,
                        "pod " + name() + " on " + plugin.site() + ": "
                                + result.reason().orElse("succeeded"));
        done.complete(result);
    }
}
