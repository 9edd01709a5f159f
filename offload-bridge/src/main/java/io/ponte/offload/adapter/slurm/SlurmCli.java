package io.ponte.offload.adapter.slurm;

import io.ponte.offload.adapter.slurm.SlurmJobState.State;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@link SlurmCommands} over the Slurm command-line tools, each run as a process with an argument
 * vector and a deadline.
 *
 * <p>Status comes from one {@code squeue --jobs=… -t all} call for all jobs, then one {@code sacct}
 * call for the jobs the controller has already forgotten (plain {@code sacct} where slurmdbd keeps
 * accounting, {@code sacct -c} reading the job completion log where it does not). Where Slurm has
 * no cgroup memory enforcement, a job killed by {@code JobAcctGatherParams=OverMemoryKill} ends as
 * FAILED with signal 9; when its output file carries slurmstepd's "Exceeded job memory limit" it is
 * reported as {@link State#OUT_OF_MEMORY}.
 */
public final class SlurmCli implements SlurmCommands {
    private static final Pattern JOB_ID = Pattern.compile("\\d+(_\\d+)?");
    private static final Pattern TRANSIENT = Pattern.compile(
            "Unable to contact slurm controller|Socket timed out|temporarily unable|Resource temporarily unavailable"
                    + "|Zero Bytes were transmitted|Communication connection failure|Slurm backup controller in standby",
            Pattern.CASE_INSENSITIVE);
    private static final String OOM_MARK = "Exceeded job memory limit";

    /**
     * Where the commands are and how long they may take.
     *
     * @param slurmConf passed to every command as {@code SLURM_CONF}; empty uses the system's
     *     default ({@code /etc/slurm/slurm.conf})
     * @param binDir the directory holding sbatch, squeue, sacct, scancel and sinfo; empty uses PATH
     * @param deadline how long one command may run before it is killed (a retriable failure)
     */
    public record Options(Optional<Path> slurmConf, Optional<Path> binDir, Duration deadline) {
        public Options {
            Objects.requireNonNull(slurmConf);
            Objects.requireNonNull(binDir);
            if (deadline.isNegative() || deadline.isZero()) {
                throw new IllegalArgumentException("the Slurm command deadline must be positive");
            }
        }
    }

    private final Options options;
    private final SlurmCliProcess.Runner runner;
    private final ZoneId zone;
    private volatile Boolean accountingDisabled;

    public SlurmCli(Options options) {
        this(options, SlurmCliProcess::run);
    }

    SlurmCli(Options options, SlurmCliProcess.Runner runner) {
        this.options = options;
        this.runner = runner;
        this.zone = ZoneId.systemDefault();
    }

    @Override
    public String submit(Path script, Path workDir) throws SlurmException {
        SlurmCliProcess.Result r = run(List.of(bin("sbatch"), "--parsable", script.toString()), Optional.of(workDir));
        if (r.exitCode() != 0) {
            String message = message("sbatch", r.stderr());
            throw new SlurmException(message, TRANSIENT.matcher(r.stderr()).find());
        }
        String id = r.stdout().strip().split(";", 2)[0];
        if (!JOB_ID.matcher(id).matches()) {
            throw new SlurmException("sbatch answered no job id: " + r.stdout().strip(), false);
        }
        return id;
    }

    @Override
    public Map<String, SlurmJobState> query(Collection<String> jobIds) throws SlurmException {
        Set<String> ids = new LinkedHashSet<>();
        for (String id : jobIds) {
            if (!JOB_ID.matcher(id).matches()) {
                throw new IllegalArgumentException("not a Slurm job id: " + id);
            }
            ids.add(id);
        }
        Map<String, SlurmJobState> states = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return states;
        }
        SlurmCliProcess.Result r = run(
                List.of(
                        bin("squeue"),
                        "--jobs=" + String.join(",", ids),
                        "-t",
                        "all",
                        "-h",
                        "-O",
                        SlurmCliParser.SQUEUE_FORMAT),
                Optional.empty());
        if (r.exitCode() == 0) {
            for (SlurmCliParser.QueueLine line : SlurmCliParser.squeue(r.stdout(), zone)) {
                if (ids.contains(line.job().jobId())) {
                    states.put(line.job().jobId(), memoryKill(line));
                }
            }
        } else if (!r.stderr().contains("Invalid job id")) { // all of them forgotten: not an error
            throw new SlurmException(
                    message("squeue", r.stderr()), TRANSIENT.matcher(r.stderr()).find());
        }
        List<String> forgotten =
                ids.stream().filter(id -> !states.containsKey(id)).toList();
        if (!forgotten.isEmpty()) {
            for (SlurmJobState s : completed(forgotten)) {
                states.putIfAbsent(s.jobId(), s);
            }
        }
        return states;
    }

    @Override
    public Optional<String> findByName(String jobName, Path workDir) throws SlurmException {
        if (jobName.isEmpty() || jobName.contains(",") || jobName.contains("\n")) {
            throw new IllegalArgumentException("not a job name squeue can look up: '" + jobName + "'");
        }
        SlurmCliProcess.Result r = run(
                List.of(bin("squeue"), "--name=" + jobName, "-t", "all", "-h", "-O", "JobID:|,WorkDir:"),
                Optional.empty());
        if (r.exitCode() != 0) {
            throw new SlurmException(
                    message("squeue", r.stderr()), TRANSIENT.matcher(r.stderr()).find());
        }
        String dir = workDir.toAbsolutePath().normalize().toString();
        Optional<String> found = Optional.empty();
        for (String line : r.stdout().split("\n")) {
            String[] f = line.split("\\|", 2);
            if (f.length == 2
                    && JOB_ID.matcher(f[0].strip()).matches()
                    && f[1].strip().equals(dir)) {
                found = Optional.of(f[0].strip()); // the latest job, should there be several
            }
        }
        return found;
    }

    /** Finished jobs from accounting or, without slurmdbd, from the job completion log. */
    List<SlurmJobState> completed(List<String> ids) throws SlurmException {
        List<String> argv = new ArrayList<>(List.of(bin("sacct"), "-n", "-P", "-X"));
        if (Boolean.TRUE.equals(accountingDisabled)) {
            argv.add("-c");
        }
        argv.addAll(List.of("-j", String.join(",", ids), "-o", SlurmCliParser.SACCT_FORMAT));
        SlurmCliProcess.Result r = run(argv, Optional.empty());
        if (accountingDisabled == null && r.stderr().contains("accounting storage is disabled")) {
            accountingDisabled = true;
            return completed(ids);
        }
        if (r.exitCode() != 0) {
            throw new SlurmException(
                    message("sacct", r.stderr()), TRANSIENT.matcher(r.stderr()).find());
        }
        if (accountingDisabled == null) {
            accountingDisabled = argv.contains("-c");
        }
        return SlurmCliParser.sacct(r.stdout(), zone);
    }

    @Override
    public void cancel(String jobId) throws SlurmException {
        if (!JOB_ID.matcher(jobId).matches()) {
            throw new IllegalArgumentException("not a Slurm job id: " + jobId);
        }
        SlurmCliProcess.Result r = run(List.of(bin("scancel"), jobId), Optional.empty());
        String err = r.stderr();
        if (r.exitCode() != 0 && !err.contains("Invalid job id") && !err.contains("already completing or completed")) {
            throw new SlurmException(
                    message("scancel", err), TRANSIENT.matcher(err).find());
        }
    }

    @Override
    public PartitionInfo partition(String name) throws SlurmException {
        List<String> argv = new ArrayList<>(List.of(bin("sinfo"), "-h", "-N", "-o", "%P|%N|%c|%m|%G|%l"));
        if (name != null && !name.isBlank()) {
            argv.addAll(List.of("-p", name));
        }
        SlurmCliProcess.Result r = run(argv, Optional.empty());
        if (r.exitCode() != 0) {
            throw new SlurmException(
                    message("sinfo", r.stderr()), TRANSIENT.matcher(r.stderr()).find());
        }
        return SlurmCliPartitions.parse(r.stdout(), name)
                .orElseThrow(() -> new SlurmException(
                        name == null || name.isBlank()
                                ? "Slurm has no default partition"
                                : "Slurm has no partition named '" + name + "'",
                        false));
    }

    private SlurmJobState memoryKill(SlurmCliParser.QueueLine line) {
        SlurmJobState job = line.job();
        if (job.state() != State.FAILED
                || job.exitCode().orElse(0) != 128 + 9
                || line.stdout().isEmpty()) {
            return job;
        }
        Path out = Path.of(line.stdout().get());
        if (!tailContains(out, OOM_MARK)) {
            return job;
        }
        return new SlurmJobState(
                job.jobId(),
                State.OUT_OF_MEMORY,
                job.exitCode(),
                Optional.of("exceeded the job's memory limit"),
                job.startTime(),
                job.endTime());
    }

    private static boolean tailContains(Path file, String mark) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            long from = Math.max(0, f.length() - 16_384);
            byte[] tail = new byte[(int) (f.length() - from)];
            f.seek(from);
            f.readFully(tail);
            return new String(tail, StandardCharsets.UTF_8).contains(mark);
        } catch (IOException e) {
            return false;
        }
    }

    private SlurmCliProcess.Result run(List<String> argv, Optional<Path> workDir) throws SlurmException {
        Map<String, String> env = options.slurmConf()
                .map(conf -> Map.of("SLURM_CONF", conf.toString()))
                .orElse(Map.of());
        return runner.run(argv, workDir, env, options.deadline());
    }

    private String bin(String command) {
        return options.binDir().map(dir -> dir.resolve(command).toString()).orElse(command);
    }

    /** The command's error lines without its {@code name: error:} prefixes, joined. */
    static String message(String command, String stderr) {
        List<String> lines = new ArrayList<>();
        for (String line : stderr.split("\n")) {
            String l = line.strip()
                    .replaceFirst("^" + command + ": (error: )?", "")
                    .strip();
            if (!l.isEmpty()) {
                lines.add(l);
            }
        }
        return lines.isEmpty() ? command + " failed without a message" : String.join("; ", lines);
    }
}
