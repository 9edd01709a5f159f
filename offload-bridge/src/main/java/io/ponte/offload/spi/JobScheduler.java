package io.ponte.offload.spi;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a pod's job script somewhere and tells how it is doing. One pod is one job; the job script
 * (written by the core into the pod's working directory) does everything inside the job: it runs
 * the containers, writes their logs and exit codes next to itself. A scheduler only starts,
 * watches and stops the script.
 *
 * <p>Adapters: {@code local} (a process group on this host, the embedded default) and {@code
 * slurm} (one {@code sbatch} job per pod). Both pass {@code JobSchedulerContract}.
 */
public interface JobScheduler {

    /** The name used in configuration ({@code ponte.offload.backend}). */
    String name();

    /**
     * Lines the scheduler needs at the top of the job script, right after the shebang (e.g. {@code
     * #SBATCH} directives). {@code flags} are the job's scheduler flags after precedence was applied
     * ({@code --name=value} or {@code --name}).
     */
    List<String> directives(Path podDir, List<String> flags);

    /**
     * Starts the job script {@code script} of the pod whose working directory is {@code podDir}.
     *
     * @return the job id, which survives a restart of the bridge
     * @throws SchedulerException when the job cannot be started (refused, or the scheduler is down)
     */
    String submit(Path podDir, Path script) throws SchedulerException;

    /**
     * The state of every given job, asked in ONE query. Jobs are given with their pod directory so
     * that an adapter may read what the job script left there. Every given job is in the answer.
     */
    Map<SubmittedJob, JobState> query(Collection<SubmittedJob> jobs) throws SchedulerException;

    /**
     * Stops a job: its processes get SIGTERM, then SIGKILL after {@code grace}. Stopping a job that
     * has ended or is unknown is not an error. Returns without waiting for the grace period.
     */
    void cancel(SubmittedJob job, Duration grace) throws SchedulerException;

    /**
     * Takes over a job started by an earlier run of the bridge (found on disk at start-up), so that
     * {@link #query} and {@link #cancel} work for it. The default does nothing: schedulers that
     * know jobs by id need nothing more.
     */
    default void adopt(SubmittedJob job) {}

    /**
     * Looks for a job that an earlier run of the bridge submitted for the pod in {@code podDir}
     * (job script {@code script}) but whose id it did not get to record, having died between the
     * submission and writing the id. The default finds nothing: schedulers whose jobs die with the
     * bridge have nothing to find.
     */
    default Optional<String> find(Path podDir, Path script) throws SchedulerException {
        return Optional.empty();
    }

    /** The largest job this scheduler can run, for refusing pods that could never start; empty if unknown. */
    Optional<NodeCapacity> capacity() throws SchedulerException;
}
