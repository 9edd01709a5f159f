package io.ponte.offload.adapter.slurm;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * The Slurm commands the bridge uses: {@code sbatch}, {@code squeue}/{@code sacct} and {@code
 * scancel}, run as processes with argument vectors (never through a shell). One implementation,
 * {@link SlurmCli}; tests of the Slurm backend run it against a real slurmctld.
 */
public interface SlurmCommands {

    /**
     * Submits a batch script ({@code sbatch --parsable}); its {@code #SBATCH} lines carry the
     * flags. Runs in {@code workDir}.
     *
     * @return the job id
     * @throws SlurmException when sbatch refuses the job (its message says why, e.g. more memory
     *     than the partition has) or cannot be run
     */
    String submit(Path script, Path workDir) throws SlurmException;

    /**
     * The state of every given job, from ONE scheduler query for all of them (plus, for jobs the
     * controller has already forgotten, one completion-log lookup). Jobs the scheduler does not
     * know are absent from the result.
     */
    Map<String, SlurmJobState> query(Collection<String> jobIds) throws SlurmException;

    /**
     * The job named {@code jobName} whose working directory is {@code workDir}, from ONE {@code
     * squeue} call, while the controller still knows it (pending, running, or ended less than
     * {@code MinJobAge} ago). Used to find a job whose id the bridge did not get to record.
     */
    Optional<String> findByName(String jobName, Path workDir) throws SlurmException;

    /** Cancels a job ({@code scancel}); a job that is already gone is not an error. */
    void cancel(String jobId) throws SlurmException;

    /** What a partition offers, for refusing impossible pods and for the node's advertised resources. */
    PartitionInfo partition(String name) throws SlurmException;
}
