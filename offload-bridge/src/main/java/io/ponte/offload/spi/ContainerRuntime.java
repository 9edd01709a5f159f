package io.ponte.offload.spi;

/**
 * Turns one container of a pod into the shell command that runs it in the foreground, on the host
 * where the job script runs (a Slurm compute node or this machine).
 *
 * <p>Adapters: {@code subprocess} (the image is not used: the command runs on the host, the
 * embedded default), {@code bubblewrap} (over a local rootfs directory), {@code podman} (a local
 * image tag), {@code apptainer} and {@code singularity} (a SIF file or an image URI with the
 * site's prefix, the command lines production HPC sites run). The job script redirects the
 * command's output and records its exit code; the command itself must not do either.
 */
public interface ContainerRuntime {

    /** The name used in configuration and in the {@code ponte.io/runtime} pod annotation. */
    String name();

    /** Whether the container's image is honoured; {@code false} for the subprocess runtime. */
    boolean usesImage();

    /**
     * The command line, every word already quoted for a POSIX shell (see
     * {@link io.ponte.offload.core.script.Shell}). Environment variables are part of the command
     * (runtime flags or {@code env -i NAME=VALUE …}), never exported into the script.
     */
    String commandLine(ContainerLaunch launch);
}
