package io.ponte.offload.core;

/** The pod annotations the bridge reads. */
public final class Annotations {
    private Annotations() {}

    /** Raw scheduler flags, e.g. {@code --job-name=x -t 2800}. */
    public static final String FLAGS = "slurm-job.vk.io/flags";
    /** A flavor name from configuration. */
    public static final String FLAVOR = "slurm-job.vk.io/flavor";
    /** The image prefix for Apptainer/Singularity, e.g. {@code docker://}. */
    public static final String IMAGE_ROOT = "slurm-job.vk.io/image-root";
    /** Extra Apptainer/Singularity options. */
    public static final String SINGULARITY_OPTIONS = "slurm-job.vk.io/singularity-options";
    /** Extra Apptainer/Singularity bind mounts, as options (e.g. {@code --bind /a:/b}). */
    public static final String SINGULARITY_MOUNTS = "slurm-job.vk.io/singularity-mounts";
    /** Shell code run at the start of the job. */
    public static final String PRE_EXEC = "slurm-job.vk.io/pre-exec";
    /** Shell code that opens the pod's tunnels, run before the containers. */
    public static final String WSTUNNEL_COMMANDS = "interlink.eu/wstunnel-client-commands";
    /** The container runtime for this pod. */
    public static final String RUNTIME = "ponte.io/runtime";
}
