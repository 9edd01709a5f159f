package io.ponte.offload.core;

import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.ponte.offload.spi.JobState;
import java.nio.file.Files;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds container statuses from what the job script left in the pod's directory and what the
 * scheduler says about the job. A container with an exit file is terminated with its own exit
 * code; one that started is running until the job ends; once the job has ended every container is
 * terminated (never left waiting, which would keep the pod Pending forever), with the job's reason
 * ({@code SlurmJobTimeout}, {@code OOMKilled}, ...) where it has one.
 */
final class StatusAssembler {
    private StatusAssembler() {}

    static PodStatusView assemble(PodRecord pod, JobState job) {
        Optional<String> failedInit = Optional.empty();
        List<ContainerStatus> init = new ArrayList<>();
        for (String name : pod.initContainers()) {
            ContainerStatus s = status(pod, name, job, failedInit, true);
            init.add(s);
            if (failedInit.isEmpty()
                    && s.getState().getTerminated() != null
                    && s.getState().getTerminated().getExitCode() != 0) {
                failedInit = Optional.of(name);
            }
        }
        boolean initDone =
                failedInit.isEmpty() && init.stream().allMatch(s -> s.getState().getTerminated() != null);
        List<ContainerStatus> main = new ArrayList<>();
        for (String name : pod.containers()) {
            main.add(status(pod, name, job, initDone ? Optional.empty() : failedInit.or(() -> Optional.of("")), false));
        }
        return new PodStatusView(pod.name(), pod.uid(), pod.namespace(), pod.jobId(), init, main);
    }

    private static ContainerStatus status(
            PodRecord pod, String name, JobState job, Optional<String> blockedBy, boolean init) {
        PodDirectory dir = pod.dir();
        Optional<Instant> started = EpochFiles.time(dir.started(name));
        Optional<Integer> exit = EpochFiles.integer(dir.exit(name));
        boolean ready = exit.isEmpty() && started.isPresent() && readiness(pod, name);
        ContainerState state;
        boolean stoppedWithJob = exit.isPresent()
                && Files.exists(dir.container(name).resolve("signalled"))
                && !Files.exists(dir.container(name).resolve("probe.failed"));
        if (stoppedWithJob && !job.isFinal()) {
            // stopped by the scheduler (time limit, cancel): terminated once the scheduler says why
            state = new ContainerStateBuilder()
                    .withNewRunning()
                    .withStartedAt(rfc3339(started.orElse(Instant.now())))
                    .endRunning()
                    .build();
        } else if (exit.isPresent()) {
            state = terminated(
                    exit.get(),
                    reasonFor(exit.get(), job),
                    message(pod, name),
                    started,
                    EpochFiles.time(dir.finished(name)));
        } else if (started.isPresent() && !job.isFinal()) {
            state = new ContainerStateBuilder()
                    .withNewRunning()
                    .withStartedAt(rfc3339(started.get()))
                    .endRunning()
                    .build();
        } else if (job.isFinal()) {
            state = endedWithoutExit(pod, name, job, started, blockedBy, init);
        } else {
            state = waiting(job, blockedBy, init);
        }
        return new ContainerStatusBuilder()
                .withName(name)
                .withImage(pod.images().getOrDefault(name, ""))
                .withImageID(pod.images().getOrDefault(name, ""))
                .withReady(ready)
                .withStarted(started.isPresent() && exit.isEmpty())
                .withRestartCount(0)
                .withState(state)
                .build();
    }

    private static boolean readiness(PodRecord pod, String name) {
        return !Files.exists(pod.dir().container(name).resolve("readiness.probe"))
                || Files.exists(pod.dir().ready(name));
    }

    private static ContainerState endedWithoutExit(
            PodRecord pod,
            String name,
            JobState job,
            Optional<Instant> started,
            Optional<String> blockedBy,
            boolean init) {
        int code = job.exitCode().filter(c -> c != 0).orElse(started.isPresent() ? 137 : 1);
        String reason = job.reason().orElse(started.isPresent() ? "Error" : "ContainerCannotRun");
        String message;
        if (started.isEmpty() && blockedBy.isPresent() && !blockedBy.get().isEmpty()) {
            reason = job.reason().orElse("InitContainerFailed");
            message = "not started: init container " + blockedBy.get() + " failed";
        } else if (started.isEmpty()) {
            message = "the job ended before this " + (init ? "init container" : "container") + " started"
                    + job.message().map(m -> ": " + m).orElse("; see job.out in the pod's working directory");
        } else {
            message = "the job ended while the container ran"
                    + job.message().map(m -> ": " + m).orElse("");
        }
        return terminated(code, reason, Optional.of(message), started, job.endedAt());
    }

    private static ContainerState waiting(JobState job, Optional<String> blockedBy, boolean init) {
        String reason;
        String message;
        if (job.phase() == JobState.Phase.PENDING) {
            reason = "ContainerCreating";
            message = "job queued"
                    + job.message()
                            .map(m -> ": " + m)
                            .or(() -> job.reason().map(r -> ": " + r))
                            .orElse("");
        } else if (!init && blockedBy.isPresent()) {
            reason = "PodInitializing";
            message = "waiting for the init containers";
        } else {
            reason = "ContainerCreating";
            message = "starting";
        }
        return new ContainerStateBuilder()
                .withNewWaiting()
                .withReason(reason)
                .withMessage(message)
                .endWaiting()
                .build();
    }

    private static String reasonFor(int exitCode, JobState job) {
        if (exitCode == 0) {
            return "Completed";
        }
        if (job.isFinal() && job.reason().isPresent() && (exitCode >= 128 || exitCode == 125)) {
            return job.reason().get();
        }
        return "Error";
    }

    private static Optional<String> message(PodRecord pod, String name) {
        return EpochFiles.text(pod.dir().container(name).resolve("probe.failed"));
    }

    private static ContainerState terminated(
            int code, String reason, Optional<String> message, Optional<Instant> started, Optional<Instant> finished) {
        return new ContainerStateBuilder()
                .withNewTerminated()
                .withExitCode(code)
                .withReason(reason)
                .withMessage(message.orElse(null))
                .withStartedAt(started.map(StatusAssembler::rfc3339).orElse(null))
                .withFinishedAt(
                        finished.or(() -> started).map(StatusAssembler::rfc3339).orElse(null))
                .endTerminated()
                .build();
    }

    static String rfc3339(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
