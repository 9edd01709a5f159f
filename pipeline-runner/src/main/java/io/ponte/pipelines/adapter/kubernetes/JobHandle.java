package io.ponte.pipelines.adapter.kubernetes;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.ScalableResource;
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
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Follows one attempt's Job by polling it, its pod and its Kueue Workload; on the end, copies the
 * pod's log into the attempt's log file. Cancel deletes the Job with background propagation (its
 * pod goes too).
 */
final class JobHandle implements TaskHandle {
    private final KubernetesClient client;
    private final String namespace;
    private final String name;
    private final TaskLaunch launch;
    private final KueueStatus kueue;
    private final CompletableFuture<TaskResult> done = new CompletableFuture<>();
    private volatile TaskProgress progress =
            new TaskProgress(Phase.QUEUED, "Job created, suspended until Kueue admits it");
    private volatile boolean cancelled;
    private volatile Instant startedAt;
    private ScheduledFuture<?> polling;

    JobHandle(KubernetesClient client, String namespace, String name, TaskLaunch launch, KueueStatus kueue) {
        this.client = client;
        this.namespace = namespace;
        this.name = name;
        this.launch = launch;
        this.kueue = kueue;
    }

    JobHandle follow(ScheduledExecutorService timers, Duration every) {
        polling = timers.scheduleWithFixedDelay(this::poll, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    @Override
    public String ref() {
        return namespace + "/" + name;
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
    public synchronized void cancel() {
        if (done.isDone() || cancelled) {
            return;
        }
        cancelled = true;
        pod().ifPresent(this::copyLog);
        try {
            job().withPropagationPolicy(DeletionPropagation.BACKGROUND).delete();
        } catch (KubernetesClientException e) {
            appendLog("[ponte] deleting Job " + name + " failed: " + e.getMessage());
        }
        finish(new TaskResult(-1, true, Optional.of("cancelled"), Optional.ofNullable(startedAt), Instant.now()));
    }

    private ScalableResource<Job> job() {
        return client.batch().v1().jobs().inNamespace(namespace).withName(name);
    }

    private synchronized void poll() {
        if (done.isDone()) {
            return;
        }
        try {
            observe();
        } catch (KubernetesClientException e) {
            progress = new TaskProgress(progress.phase(), "cannot read Job " + name + ": " + e.getMessage());
        } catch (RuntimeException e) {
            progress = new TaskProgress(progress.phase(), "cannot follow Job " + name + ": " + e);
        }
    }

    private void observe() {
        Job job = job().get();
        if (job == null) {
            finish(new TaskResult(
                    -1,
                    false,
                    Optional.of("Job " + name + " was deleted outside the runner"),
                    Optional.ofNullable(startedAt),
                    Instant.now()));
            return;
        }
        if (Boolean.TRUE.equals(job.getSpec().getSuspend())) {
            progress = new TaskProgress(Phase.QUEUED, kueue.describe(job));
            return;
        }
        Optional<Pod> pod = pod();
        Optional<ContainerStatus> main = pod.flatMap(JobHandle::mainStatus);
        Optional<JobCondition> ended = condition(job, "Complete").or(() -> condition(job, "Failed"));
        if (ended.isPresent()) {
            pod.ifPresent(this::copyLog);
            boolean complete = "Complete".equals(ended.get().getType());
            Optional<Integer> code = main.map(ContainerStatus::getState)
                    .map(s -> s.getTerminated())
                    .map(t -> t.getExitCode());
            int exit = code.orElse(complete ? 0 : -1);
            Optional<String> reason = complete && exit == 0
                    ? Optional.empty()
                    : Optional.of(
                            code.isPresent()
                                    ? "exit code " + exit
                                    : "Job failed: " + ended.get().getReason() + " "
                                            + nullToEmpty(ended.get().getMessage()));
            finish(new TaskResult(exit, false, reason, Optional.ofNullable(startedAt), Instant.now()));
            return;
        }
        if (main.isPresent() && main.get().getState().getRunning() != null) {
            if (startedAt == null) {
                startedAt = Instant.now();
            }
            progress = new TaskProgress(
                    Phase.RUNNING,
                    "pod " + pod.get().getMetadata().getName() + " running"
                            + Optional.ofNullable(pod.get().getSpec().getNodeName())
                                    .map(n -> " on " + n)
                                    .orElse(""));
            return;
        }
        progress = new TaskProgress(
                Phase.QUEUED,
                kueue.describe(job) + "; pod "
                        + pod.map(p -> p.getMetadata().getName() + " "
                                        + p.getStatus().getPhase())
                                .orElse("not created yet"));
    }

    private Optional<Pod> pod() {
        try {
            List<Pod> pods = client.pods()
                    .inNamespace(namespace)
                    .withLabel(Names.JOB_NAME, name)
                    .list()
                    .getItems();
            return pods.stream()
                    .max(Comparator.comparing(p -> nullToEmpty(p.getMetadata().getCreationTimestamp())));
        } catch (KubernetesClientException e) {
            return Optional.empty();
        }
    }

    private static Optional<ContainerStatus> mainStatus(Pod pod) {
        if (pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) {
            return Optional.empty();
        }
        return pod.getStatus().getContainerStatuses().stream()
                .filter(s -> JobManifest.CONTAINER.equals(s.getName()) && s.getState() != null)
                .findFirst();
    }

    private static Optional<JobCondition> condition(Job job, String type) {
        if (job.getStatus() == null || job.getStatus().getConditions() == null) {
            return Optional.empty();
        }
        return job.getStatus().getConditions().stream()
                .filter(c -> type.equals(c.getType()) && "True".equals(c.getStatus()))
                .findFirst();
    }

    private void copyLog(Pod pod) {
        try {
            String log = client.pods()
                    .inNamespace(namespace)
                    .withName(pod.getMetadata().getName())
                    .inContainer(JobManifest.CONTAINER)
                    .getLog();
            Files.writeString(
                    launch.logFile(), log == null ? "" : log, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (KubernetesClientException | IOException e) {
            appendLog(
                    "[ponte] the log of pod " + pod.getMetadata().getName() + " could not be read: " + e.getMessage());
        }
    }

    private void appendLog(String line) {
        try {
            Files.writeString(launch.logFile(), line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            // The log file is gone with its directory: nothing more to say.
        }
    }

    private void finish(TaskResult result) {
        if (polling != null) {
            polling.cancel(false);
        }
        progress = result.cancelled()
                ? new TaskProgress(Phase.CANCELLED, "cancelled: Job " + name + " deleted")
                : new TaskProgress(
                        result.succeeded() ? Phase.SUCCEEDED : Phase.FAILED,
                        "Job " + name + ": " + result.reason().orElse("succeeded"));
        done.complete(result);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
