package io.ponte.pipelines.adapter.kubernetes;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.ponte.pipelines.spi.ExecutorException;
import io.ponte.pipelines.spi.TaskLaunch;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The batch/v1 Job of one attempt: created suspended for Kueue to admit, no retries of its own
 * (the runner retries), resources from the IR, an interLink placement for offloaded tasks, and the
 * shared work volume at the runner's path.
 */
final class JobManifest {
    static final String CONTAINER = "main";
    static final String WORK_VOLUME = "ponte-work";

    private final KubernetesExecutorConfig config;

    JobManifest(KubernetesExecutorConfig config) {
        this.config = config;
    }

    Job build(TaskLaunch launch) throws ExecutorException {
        String name = Names.jobName(launch);
        String claim = config.workVolume()
                .claimName()
                .orElseThrow(() -> new ExecutorException(
                        "the kubernetes executor needs a shared work volume to move task inputs and outputs:"
                                + " set ponte.pipelines.executors.kubernetes.work-volume.claim-name",
                        false));
        Path root = Path.of(config.workVolume().mountPath());
        List<VolumeMount> mounts = new ArrayList<>();
        mounts.add(new VolumeMountBuilder()
                .withName(WORK_VOLUME)
                .withMountPath(launch.workDir().toString())
                .withSubPath(under(root, launch.workDir(), launch, "work directory"))
                .build());
        for (TaskLaunch.Mount m : launch.mounts()) {
            mounts.add(new VolumeMountBuilder()
                    .withName(WORK_VOLUME)
                    .withMountPath(m.containerPath())
                    .withSubPath(under(root, m.hostPath(), launch, "mount " + m.containerPath()))
                    .withReadOnly(m.readOnly())
                    .build());
        }
        Optional<KubernetesExecutorConfig.OffloadPlacement> offload = offloadPlacement(launch);
        String queue = launch.placement().flatMap(TaskLaunch.Placement::queue).orElse(config.queue());
        Optional<String> priority =
                launch.placement().flatMap(TaskLaunch.Placement::priorityClass).or(config::priorityClass);

        Map<String, String> labels = new LinkedHashMap<>();
        Map<String, String> annotations = new LinkedHashMap<>();
        launch.labels().forEach((k, v) -> (Names.validLabel(k, v) ? labels : annotations).put(k, v));
        labels.put(Names.RUN_ID, Names.labelValue(launch.runId()));
        labels.put(
                Names.TASK,
                Names.labelValue(launch.taskPath().substring(launch.taskPath().lastIndexOf('/') + 1)));
        labels.put(Names.ATTEMPT, Integer.toString(launch.attempt()));
        annotations.put(Names.TASK_PATH, launch.taskPath());
        Map<String, String> jobLabels = new LinkedHashMap<>(labels);
        jobLabels.put(Names.QUEUE_NAME, queue);
        priority.ifPresent(p -> jobLabels.put(Names.PRIORITY_CLASS, p));
        Map<String, String> podLabels = new LinkedHashMap<>(labels);
        podLabels.put(Names.JOB_NAME, name);
        Map<String, String> podAnnotations = new LinkedHashMap<>(annotations);
        offload.ifPresent(o -> {
            podAnnotations.putAll(o.annotations());
            o.slurmFlags().ifPresent(f -> podAnnotations.put(Names.SLURM_FLAGS, f));
        });

        PodSpecBuilder pod = new PodSpecBuilder()
                .withRestartPolicy("Never")
                .withContainers(container(launch, mounts))
                .addNewVolume()
                .withName(WORK_VOLUME)
                .withNewPersistentVolumeClaim(claim, false)
                .endVolume();
        config.serviceAccount().ifPresent(pod::withServiceAccountName);
        if (config.podPriorityClass()) {
            priority.ifPresent(pod::withPriorityClassName);
        }
        offload.ifPresent(o -> pod.withNodeSelector(o.nodeSelector()).withTolerations(tolerations(o)));

        JobBuilder job = new JobBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(config.namespace())
                .withLabels(jobLabels)
                .withAnnotations(annotations)
                .endMetadata()
                .withNewSpec()
                .withSuspend(true)
                .withBackoffLimit(0)
                .withNewTemplate()
                .withNewMetadata()
                .withLabels(podLabels)
                .withAnnotations(podAnnotations)
                .endMetadata()
                .withSpec(pod.build())
                .endTemplate()
                .endSpec();
        launch.timeout()
                .ifPresent(t -> job.editSpec()
                        .withActiveDeadlineSeconds(Math.max(1, t.toSeconds()))
                        .endSpec());
        config.ttlSecondsAfterFinished()
                .ifPresent(t -> job.editSpec().withTtlSecondsAfterFinished(t).endSpec());
        return job.build();
    }

    private Container container(TaskLaunch launch, List<VolumeMount> mounts) {
        List<EnvVar> env = new ArrayList<>();
        launch.env().forEach((k, v) -> env.add(new EnvVar(k, v, null)));
        Map<String, Quantity> requests = new LinkedHashMap<>();
        Map<String, Quantity> limits = new LinkedHashMap<>();
        TaskLaunch.Resources r = launch.resources();
        r.cpuRequest().ifPresent(v -> requests.put("cpu", new Quantity(v)));
        r.memoryRequest().ifPresent(v -> requests.put("memory", new Quantity(v)));
        r.cpuLimit().ifPresent(v -> limits.put("cpu", new Quantity(v)));
        r.memoryLimit().ifPresent(v -> limits.put("memory", new Quantity(v)));
        if (r.acceleratorCount() > 0) {
            // Extended resources are not overcommitted: the limit is the request.
            limits.put(acceleratorResource(r.acceleratorType()), new Quantity(Integer.toString(r.acceleratorCount())));
        }
        ContainerBuilder c = new ContainerBuilder()
                .withName(CONTAINER)
                .withImage(launch.image())
                .withArgs(launch.args())
                .withEnv(env)
                .withWorkingDir(launch.workDir().toString())
                .withVolumeMounts(mounts)
                .withResources(new ResourceRequirementsBuilder()
                        .withRequests(requests.isEmpty() ? null : requests)
                        .withLimits(limits.isEmpty() ? null : limits)
                        .build());
        if (!launch.command().isEmpty()) {
            c.withCommand(launch.command());
        }
        return c.build();
    }

    private String acceleratorResource(Optional<String> type) {
        if (type.isEmpty()) {
            return config.defaultAcceleratorResource();
        }
        String t = type.get();
        String mapped = config.acceleratorResources().get(t);
        if (mapped != null) {
            return mapped;
        }
        return t.contains("/") ? t : config.defaultAcceleratorResource();
    }

    private Optional<KubernetesExecutorConfig.OffloadPlacement> offloadPlacement(TaskLaunch launch)
            throws ExecutorException {
        Optional<String> site = launch.placement().flatMap(TaskLaunch.Placement::site);
        if (site.isEmpty()) {
            return Optional.empty();
        }
        KubernetesExecutorConfig.OffloadPlacement p = config.placements().get(site.get());
        if (p == null) {
            throw new ExecutorException(
                    "task " + launch.taskPath() + ": offload site '" + site.get() + "' is not configured under"
                            + " ponte.pipelines.executors.kubernetes.placements (known: "
                            + String.join(", ", config.placements().keySet()) + ")",
                    false);
        }
        return Optional.of(p);
    }

    private static List<Toleration> tolerations(KubernetesExecutorConfig.OffloadPlacement p) {
        List<String> keys = new ArrayList<>(List.of(Names.INTERLINK_TAINT));
        keys.addAll(p.extraTolerations().orElse(List.of()));
        return keys.stream()
                .map(k -> new TolerationBuilder()
                        .withKey(k)
                        .withOperator("Exists")
                        .withEffect("NoSchedule")
                        .build())
                .toList();
    }

    /** The path of {@code p} relative to the work volume's root, or a refusal naming both. */
    private static String under(Path root, Path p, TaskLaunch launch, String what) throws ExecutorException {
        Path abs = p.toAbsolutePath().normalize();
        if (!abs.startsWith(root)) {
            throw new ExecutorException(
                    "task " + launch.taskPath() + ": " + what + " " + abs + " is not on the shared work volume (" + root
                            + "); pods can only see files under it",
                    false);
        }
        return root.relativize(abs).toString();
    }
}
