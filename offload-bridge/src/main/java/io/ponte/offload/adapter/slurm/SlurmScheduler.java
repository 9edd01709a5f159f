package io.ponte.offload.adapter.slurm;

import io.ponte.offload.spi.JobScheduler;
import io.ponte.offload.spi.JobState;
import io.ponte.offload.spi.NodeCapacity;
import io.ponte.offload.spi.SchedulerException;
import io.ponte.offload.spi.SubmittedJob;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One pod, one {@code sbatch} job. The job's flags go into {@code #SBATCH} lines; status comes
 * from ONE {@link SlurmCommands#query} for all jobs asked about; the exit code is the one the job
 * script recorded where it did, Slurm's otherwise. TIMEOUT, OUT_OF_MEMORY, CANCELLED and NODE_FAIL
 * become the reasons {@code SlurmJobTimeout}, {@code OOMKilled}, {@code JobCancelled} and {@code
 * NodeFail}.
 */
public final class SlurmScheduler implements JobScheduler {
    private static final Duration CAPACITY_TTL = Duration.ofMinutes(1);

    private final SlurmCommands slurm;
    private final Optional<String> partition;
    private final Clock clock;
    private volatile Optional<NodeCapacity> capacity = Optional.empty();
    private volatile Instant capacityAt = Instant.EPOCH;

    public SlurmScheduler(SlurmCommands slurm, Optional<String> partition) {
        this(slurm, partition, Clock.systemUTC());
    }

    SlurmScheduler(SlurmCommands slurm, Optional<String> partition, Clock clock) {
        this.slurm = slurm;
        this.partition = partition;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "slurm";
    }

    @Override
    public List<String> directives(Path podDir, List<String> flags) {
        String dir = podDir.toAbsolutePath().toString();
        List<String> lines = new ArrayList<>();
        if (flags.stream().noneMatch(f -> f.startsWith("--job-name"))) {
            lines.add(sbatch("--job-name=ponte-" + podDir.getFileName()));
        }
        lines.add(sbatch("--output=" + dir + "/job.out"));
        lines.add(sbatch("--error=" + dir + "/job.out"));
        lines.add(sbatch("--chdir=" + dir));
        for (String flag : flags) {
            if (!flag.startsWith("--output") && !flag.startsWith("--error") && !flag.startsWith("--chdir")) {
                lines.add(sbatch(flag));
            }
        }
        return lines;
    }

    private static String sbatch(String flag) {
        int eq = flag.indexOf('=');
        if (eq > 0 && flag.substring(eq + 1).chars().anyMatch(Character::isWhitespace)) {
            return "#SBATCH " + flag.substring(0, eq + 1) + "\""
                    + flag.substring(eq + 1).replace("\"", "") + "\"";
        }
        return "#SBATCH " + flag;
    }

    @Override
    public String submit(Path podDir, Path script) throws SchedulerException {
        try {
            return slurm.submit(script, podDir);
        } catch (SlurmException e) {
            throw new SchedulerException(e.getMessage(), e.retriable(), e);
        }
    }

    /** By the job's name (from its script's {@code --job-name}) and working directory, with one squeue call. */
    @Override
    public Optional<String> find(Path podDir, Path script) throws SchedulerException {
        try {
            return slurm.findByName(jobName(podDir, script), podDir);
        } catch (SlurmException e) {
            throw new SchedulerException(e.getMessage(), e.retriable(), e);
        }
    }

    private static String jobName(Path podDir, Path script) {
        try {
            for (String line : Files.readAllLines(script, StandardCharsets.UTF_8)) {
                if (line.startsWith("#SBATCH --job-name=")) {
                    return line.substring("#SBATCH --job-name=".length())
                            .replace("\"", "")
                            .strip();
                }
            }
        } catch (IOException e) {
            // the default name below
        }
        return "ponte-" + podDir.getFileName();
    }

    @Override
    public Map<SubmittedJob, JobState> query(Collection<SubmittedJob> jobs) throws SchedulerException {
        Map<String, SlurmJobState> states;
        try {
            states = slurm.query(
                    jobs.stream().map(SubmittedJob::jobId).distinct().toList());
        } catch (SlurmException e) {
            throw new SchedulerException(e.getMessage(), e.retriable(), e);
        }
        Map<SubmittedJob, JobState> out = new LinkedHashMap<>();
        for (SubmittedJob job : jobs) {
            out.put(job, SlurmStates.map(states.get(job.jobId()), recordedExit(job.podDir())));
        }
        return out;
    }

    @Override
    public void cancel(SubmittedJob job, Duration grace) throws SchedulerException {
        try {
            slurm.cancel(job.jobId());
        } catch (SlurmException e) {
            throw new SchedulerException(e.getMessage(), e.retriable(), e);
        }
    }

    @Override
    public Optional<NodeCapacity> capacity() throws SchedulerException {
        if (capacityAt.plus(CAPACITY_TTL).isAfter(clock.instant())) {
            return capacity;
        }
        PartitionInfo info;
        try {
            info = slurm.partition(partition.orElse(""));
        } catch (SlurmException e) {
            throw new SchedulerException(e.getMessage(), e.retriable(), e);
        }
        capacity = Optional.of(new NodeCapacity(
                "Slurm partition " + info.name(),
                info.cpusPerNode(),
                info.memoryMbPerNode(),
                info.gpusPerNode(),
                (long) info.cpusPerNode() * info.nodes(),
                info.memoryMbPerNode() * info.nodes(),
                (long) info.gpusPerNode() * info.nodes()));
        capacityAt = clock.instant();
        return capacity;
    }

    private static Optional<Integer> recordedExit(Path podDir) {
        try {
            return Optional.of(Integer.parseInt(Files.readString(podDir.resolve("job.exit"), StandardCharsets.US_ASCII)
                    .trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
