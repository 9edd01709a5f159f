package io.ponte.offload.adapter.local;

import io.ponte.offload.spi.JobScheduler;
import io.ponte.offload.spi.JobState;
import io.ponte.offload.spi.NodeCapacity;
import io.ponte.offload.spi.SchedulerException;
import io.ponte.offload.spi.SubmittedJob;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs each pod's job script as a process on this host, in a session of its own ({@code setsid}),
 * so that it outlives a restart of the bridge and can be stopped as a whole. The job id is the
 * script's pid and start time; the job's exit code is what the script writes to {@code job.exit}.
 */
public final class LocalScheduler implements JobScheduler {
    private final SessionSignals signals = new SessionSignals();

    @Override
    public String name() {
        return "local";
    }

    @Override
    public List<String> directives(Path podDir, List<String> flags) {
        return List.of();
    }

    @Override
    public String submit(Path podDir, Path script) throws SchedulerException {
        ProcessBuilder builder = new ProcessBuilder(
                        "setsid", "bash", script.toAbsolutePath().toString())
                .directory(podDir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        podDir.resolve("job.out").toFile()))
                .redirectErrorStream(true);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new SchedulerException("cannot start the job script: " + e.getMessage(), false, e);
        }
        process.onExit(); // reaped by the JVM while the bridge runs
        return ProcessIdentity.of(process.pid())
                .or(() -> Optional.of(new ProcessIdentity(process.pid(), 0)))
                .get()
                .jobId();
    }

    @Override
    public Map<SubmittedJob, JobState> query(Collection<SubmittedJob> jobs) {
        Map<SubmittedJob, JobState> out = new LinkedHashMap<>();
        for (SubmittedJob job : jobs) {
            out.put(job, state(job));
        }
        return out;
    }

    private static JobState state(SubmittedJob job) {
        Optional<ProcessIdentity> process = ProcessIdentity.parse(job.jobId());
        boolean alive = process.map(ProcessIdentity::alive).orElse(false);
        Path exit = job.podDir().resolve("job.exit");
        Optional<String> code = read(exit);
        if (code.isPresent()) {
            return JobState.ended(parse(code.get()), null, null, modified(exit));
        }
        if (alive) {
            return JobState.running(null);
        }
        return JobState.ended(
                137, "JobLost", "the job script ended without recording an exit code (killed?)", Instant.now());
    }

    @Override
    public void cancel(SubmittedJob job, Duration grace) {
        ProcessIdentity.parse(job.jobId()).filter(ProcessIdentity::alive).ifPresent(p -> {
            signals.send(p.pid(), "TERM");
            CompletableFuture.delayedExecutor(grace.toMillis(), TimeUnit.MILLISECONDS)
                    .execute(() -> signals.send(p.pid(), "KILL"));
        });
    }

    @Override
    public Optional<NodeCapacity> capacity() {
        int cpus = Runtime.getRuntime().availableProcessors();
        long memoryMb = totalMemoryMb();
        return Optional.of(new NodeCapacity("this host", cpus, memoryMb, 0, cpus, memoryMb, 0));
    }

    private static long totalMemoryMb() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getTotalMemorySize() / (1024 * 1024);
        }
        return Long.MAX_VALUE / (1024 * 1024);
    }

    private static Optional<String> read(Path file) {
        try {
            String s = Files.readString(file, StandardCharsets.US_ASCII).trim();
            return s.isEmpty() ? Optional.empty() : Optional.of(s);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Integer parse(String code) {
        try {
            return Integer.parseInt(code);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Instant modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            return Instant.now();
        }
    }
}
