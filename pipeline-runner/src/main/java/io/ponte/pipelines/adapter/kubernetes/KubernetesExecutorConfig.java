package io.ponte.pipelines.adapter.kubernetes;

import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Configuration of the kubernetes executor, under {@code ponte.pipelines.executors.kubernetes}.
 *
 * <pre>
 * ponte.pipelines.executors.kubernetes.namespace=ml-pipelines
 * ponte.pipelines.executors.kubernetes.queue=team-a
 * ponte.pipelines.executors.kubernetes.priority-class=batch-low
 * ponte.pipelines.executors.kubernetes.work-volume.claim-name=ponte-work
 * ponte.pipelines.executors.kubernetes.work-volume.mount-path=/var/lib/ponte/work
 * ponte.pipelines.executors.kubernetes.placements.leonardo.node-selector."kubernetes.io/hostname"=leonardo-vk
 * ponte.pipelines.executors.kubernetes.placements.leonardo.slurm-flags=--partition=boost_usr_prod --account=infn
 * </pre>
 */
public interface KubernetesExecutorConfig {

    /** The namespace Jobs are created in. */
    @WithDefault("default")
    String namespace();

    /** The Kueue LocalQueue for tasks whose placement names none ({@code kueue.x-k8s.io/queue-name}). */
    @WithDefault("default")
    String queue();

    /**
     * The priority class for tasks whose placement names none: set as the Kueue {@code
     * kueue.x-k8s.io/priority-class} label (a WorkloadPriorityClass) and, when {@link
     * #podPriorityClass()}, as the pod's {@code priorityClassName}.
     */
    Optional<String> priorityClass();

    /** Whether the priority class is also the pod's {@code priorityClassName} (a PriorityClass of that name must exist). */
    @WithDefault("true")
    boolean podPriorityClass();

    /** The shared volume that carries each attempt's work directory to its pod. */
    WorkVolume workVolume();

    /** Named interLink placements, for tasks whose placement names an offload site. */
    Map<String, OffloadPlacement> placements();

    /**
     * Kubernetes resource names for IR accelerator types that are not resource names themselves,
     * e.g. {@code NVIDIA_TESLA_T4=nvidia.com/gpu}. A type containing '/' is used as it is.
     */
    Map<String, String> acceleratorResources();

    /** The resource for an accelerator type found neither here nor as a resource name. */
    @WithDefault("nvidia.com/gpu")
    String defaultAcceleratorResource();

    /** The service account of task pods. */
    Optional<String> serviceAccount();

    /** Seconds a finished Job is kept before Kubernetes deletes it (its log is copied first). */
    Optional<Integer> ttlSecondsAfterFinished();

    /** How often a Job, its pod and its Kueue Workload are read. */
    @WithDefault("2s")
    Duration pollInterval();

    /**
     * The work directories live on a ReadWriteMany PersistentVolumeClaim that the runner has
     * mounted at {@link #mountPath()}; each pod mounts the same claim at the same path, so paths
     * resolved by the runner are valid in the pod, and outputs written there are seen by the runner.
     */
    interface WorkVolume {

        /** The PersistentVolumeClaim's name; without it the executor refuses to start tasks. */
        Optional<String> claimName();

        /** Where the runner sees the claim, and where pods mount it: the root of all work directories. */
        @WithDefault("/var/lib/ponte/work")
        String mountPath();
    }

    /** How a task reaches an interLink virtual node (an HPC site). */
    interface OffloadPlacement {

        /** Node selector of the virtual node, e.g. {@code kubernetes.io/hostname: leonardo-vk}. */
        Map<String, String> nodeSelector();

        /** Raw {@code #SBATCH} flags, sent as the {@code slurm-job.vk.io/flags} annotation. */
        Optional<String> slurmFlags();

        /** Further pod annotations (e.g. {@code slurm-job.vk.io/flavor}). */
        Map<String, String> annotations();

        /** Taint keys to tolerate besides {@code virtual-node.interlink/no-schedule}. */
        Optional<List<String>> extraTolerations();
    }
}
