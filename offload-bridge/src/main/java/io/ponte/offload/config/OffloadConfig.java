package io.ponte.offload.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every {@code ponte.offload.*} setting of the offload-bridge. */
@ConfigMapping(prefix = "ponte.offload")
public interface OffloadConfig {

    /**
     * Where pods run: {@code local} (processes on this host, the embedded default) or {@code slurm}
     * (one {@code sbatch} job per pod).
     */
    @WithDefault("local")
    @Pattern(regexp = "local|slurm", message = "must be 'local' or 'slurm'")
    String backend();

    /**
     * The directory holding one working directory per pod, {@code <root>/<namespace>-<uid>/}. With the
     * slurm backend it must be on a file system the compute nodes share. Relative paths resolve
     * against the bridge's working directory.
     */
    @WithDefault("offload-pods")
    Path root();

    /**
     * The container runtime used unless the pod's {@code ponte.io/runtime} annotation names another:
     * {@code subprocess}, {@code bubblewrap}, {@code podman}, {@code apptainer} or {@code singularity}.
     */
    @WithDefault("subprocess")
    String runtime();

    /**
     * How long one scheduler answer about a job is reused. Status polls within this window are
     * answered from the per-job cache; the next poll after it asks the scheduler about every
     * tracked job in one query.
     */
    @WithDefault("2s")
    Duration pollInterval();

    /**
     * A bearer token interLink must present ({@code Authorization: Bearer <token>}). Absent: no
     * authentication, which is only sensible on loopback or a unix socket (the defaults). Never logged.
     */
    Optional<String> token();

    /** How long a container gets between SIGTERM and SIGKILL when its pod is deleted. */
    @WithDefault("10s")
    Duration terminationGrace();

    /**
     * How long a pod's working directory is kept after the pod was deleted, for post-mortems;
     * {@code 0s} removes it at once.
     */
    @WithDefault("0s")
    Duration keepDeleted();

    /** The Slurm backend. */
    SlurmConfig slurm();

    /**
     * Named resource bundles a pod picks with the {@code slurm-job.vk.io/flavor} annotation (e.g.
     * {@code ponte.offload.flavors.gpu-small.gpus=1}).
     */
    Map<String, FlavorConfig> flavors();

    /** The flavor applied to pods that name none; absent: none. */
    Optional<String> defaultFlavor();

    /** What the virtual node advertises in the answer to interLink's ping. */
    NodeConfig node();

    /** The images this site has, by the references pods use. */
    ImagesConfig images();

    /** How the container runtimes are called. */
    RuntimesConfig runtimes();

    /** Which {@code hostPath} volumes pods may mount. */
    HostPathConfig hostPath();

    /** {@code ponte.offload.host-path.*}. */
    interface HostPathConfig {
        /**
         * Directories under which a pod's {@code hostPath} volumes may lie (after following symbolic
         * links; {@code ..} is refused), e.g. the shared work area of an edge node whose pipeline
         * runner sends pods with hostPath work directories. Absent (the default): every hostPath
         * volume is refused with HTTP 422.
         */
        Optional<List<Path>> allowedRoots();
    }

    /** The image catalog. */
    interface ImagesConfig {

        /**
         * Whether the local stand-in images built by {@code scripts/rootfs.sh} (a Debian rootfs and
         * podman tag standing in for python, busybox, alpine, ...) are in the catalog. Pods and logs
         * say when a stand-in runs.
         */
        @WithDefault("true")
        boolean standIns();

        /** Where {@code scripts/rootfs.sh} builds the stand-ins; absent: {@code $PONTE_IMAGES_DIR} or {@code ~/.cache/ponte/images}. */
        Optional<Path> dir();

        /**
         * For apptainer/singularity: an image no entry names runs as this prefix plus its reference
         * (e.g. {@code docker://}); absent: such an image fails the pod. A pod's own {@code
         * slurm-job.vk.io/image-root} annotation takes precedence.
         */
        Optional<String> uriPrefix();

        /** For podman: an image no entry names runs by its own reference, if the local store has it. */
        @WithDefault("false")
        boolean podmanPassThrough();

        /** The site's images, by a name of your choice. */
        Map<String, ImageEntryConfig> entries();
    }

    /** One image of the site. */
    interface ImageEntryConfig {

        /** The references it serves: {@code name:tag}, {@code name:*} or {@code name}. */
        String pattern();

        /** An unpacked root filesystem (bubblewrap, apptainer). */
        Optional<Path> rootfs();

        /** A tag in the local podman store. */
        Optional<String> podmanTag();

        /** An Apptainer/Singularity image file. */
        Optional<Path> sif();

        /** A URI apptainer/singularity fetch themselves, e.g. {@code oras://...}. */
        Optional<String> uri();

        /** The image's ENTRYPOINT. */
        Optional<List<String>> entrypoint();

        /** The image's CMD. */
        Optional<List<String>> cmd();

        /** The image's WORKDIR. */
        Optional<String> workingDir();

        /** The image's ENV. */
        Map<String, String> env();

        /** When the local form is not the real image: what it is instead (said in events and logs). */
        Optional<String> standIn();
    }

    /** Container runtime executables and flags. */
    interface RuntimesConfig {

        /** The bwrap executable. */
        @WithDefault("bwrap")
        String bubblewrap();

        /** The podman executable. */
        @WithDefault("podman")
        String podman();

        /** podman's network: {@code host} or {@code none}. */
        @WithDefault("host")
        String podmanNetwork();

        /** Extra {@code podman run} flags, e.g. {@code --ulimit=nofile=10000:10000}. */
        Optional<List<String>> podmanOptions();

        /** The apptainer executable. */
        @WithDefault("apptainer")
        String apptainer();

        /** The singularity executable. */
        @WithDefault("singularity")
        String singularity();

        /** Flags given to every apptainer/singularity exec/run, before the pod's own. */
        @WithDefault("--cleanenv,--no-home")
        List<String> apptainerOptions();
    }

    /** The Slurm backend's settings. */
    interface SlurmConfig {

        /** The partition jobs are submitted to ({@code --partition}); absent: Slurm's default partition. */
        Optional<String> partition();

        /** {@code #SBATCH} flags added to every job before the pod's own, e.g. {@code --account=ai}. */
        Optional<List<String>> flags();

        /**
         * The {@code slurm.conf} every Slurm command sees (as {@code SLURM_CONF}); absent: the system's
         * default. {@code scripts/slurm.sh env} prints the one of the development cluster.
         */
        Optional<Path> conf();

        /** The directory holding sbatch, squeue, sacct, scancel and sinfo; absent: found on PATH. */
        Optional<Path> binDir();

        /** How long one Slurm command may run before it is killed and counted as a retriable failure. */
        @WithDefault("30s")
        Duration commandTimeout();
    }

    /** A named resource bundle. */
    interface FlavorConfig {

        /** CPUs per task ({@code --cpus-per-task}). */
        Optional<@Min(1) Integer> cpus();

        /** Memory ({@code --mem}), in Kubernetes quantity notation, e.g. {@code 16Gi}. */
        Optional<String> memory();

        /** GPUs ({@code --gres=gpu:N}). */
        Optional<@Min(0) Integer> gpus();

        /** Raw {@code #SBATCH} flags, e.g. {@code --partition=boost_usr_prod --qos=normal}. */
        Optional<List<String>> flags();
    }

    /** The capacity and taints the virtual node advertises. */
    interface NodeConfig {

        /**
         * CPUs advertised, e.g. {@code 128}. With the slurm backend the default is the partition's
         * total; with the local backend nothing is advertised unless a resource is set here.
         */
        Optional<String> cpu();

        /** Memory advertised, e.g. {@code 512Gi}; default as for {@link #cpu()}. */
        Optional<String> memory();

        /** How many pods the node accepts. */
        @WithDefault("110")
        int pods();

        /** GPUs advertised as {@code nvidia.com/gpu}; default as for {@link #cpu()}. */
        Optional<Integer> gpus();

        /** Taints as {@code key=value:Effect} or {@code key:Effect}, e.g. {@code virtual-node.interlink/no-schedule=true:NoSchedule}. */
        Optional<List<String>> taints();
    }
}
