package io.ponte.pipelines.adapter.offload;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.ponte.pipelines.spi.ExecutorException;
import io.ponte.pipelines.spi.TaskLaunch;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The v1.Pod an attempt is sent as: one container {@code main}, the work directory and the
 * launch's mounts as {@code hostPath} volumes at their paths on the shared filesystem.
 */
final class PodManifest {
    static final String CONTAINER = "main";

    private PodManifest() {}

    static Pod build(TaskLaunch launch, String namespace, String uid, String site, OffloadExecutorConfig.Site config)
            throws ExecutorException {
        Path root = Path.of(config.sharedRoot());
        List<Volume> volumes = new ArrayList<>();
        List<VolumeMount> mounts = new ArrayList<>();
        addHostPath(
                "work",
                shared(root, launch.workDir(), launch, site),
                launch.workDir().toString(),
                false,
                volumes,
                mounts);
        int i = 0;
        for (TaskLaunch.Mount m : launch.mounts()) {
            addHostPath(
                    "mount-" + i++,
                    shared(root, m.hostPath(), launch, site),
                    m.containerPath(),
                    m.readOnly(),
                    volumes,
                    mounts);
        }
        Map<String, String> annotations = new LinkedHashMap<>(config.annotations());
        config.slurmFlags().ifPresent(f -> annotations.put("slurm-job.vk.io/flags", f));
        annotations.put("ponte.io/task-path", launch.taskPath());
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("ponte.io/run-id", labelValue(launch.runId()));
        labels.put("ponte.io/attempt", Integer.toString(launch.attempt()));

        List<EnvVar> env = new ArrayList<>();
        launch.env().forEach((k, v) -> env.add(new EnvVar(k, v, null)));
        ContainerBuilder container = new ContainerBuilder()
                .withName(CONTAINER)
                .withImage(launch.image())
                .withArgs(launch.args())
                .withEnv(env)
                .withWorkingDir(launch.workDir().toString())
                .withVolumeMounts(mounts)
                .withResources(resources(launch.resources()));
        if (!launch.command().isEmpty()) {
            container.withCommand(launch.command());
        }
        return new PodBuilder()
                .withNewMetadata()
                .withName(podName(launch))
                .withNamespace(namespace)
                .withUid(uid)
                .withLabels(labels)
                .withAnnotations(annotations)
                .endMetadata()
                .withNewSpec()
                .withRestartPolicy("Never")
                .withContainers(container.build())
                .withVolumes(volumes)
                .endSpec()
                .build();
    }

    /** {@code ponte-<task leaf>-<hash>-a<attempt>}, a DNS-1123 label. */
    static String podName(TaskLaunch launch) {
        String path = launch.taskPath();
        String leaf = path.substring(path.lastIndexOf('/') + 1)
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9-]+", "-");
        leaf = (leaf.length() > 30 ? leaf.substring(0, 30) : leaf).replaceAll("^-+|-+$", "");
        try {
            byte[] d = MessageDigest.getInstance("SHA-256")
                    .digest((launch.runId() + "\n" + path).getBytes(StandardCharsets.UTF_8));
            return "ponte-" + (leaf.isEmpty() ? "" : leaf + "-")
                    + HexFormat.of().formatHex(d, 0, 5) + "-a" + launch.attempt();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static io.fabric8.kubernetes.api.model.ResourceRequirements resources(TaskLaunch.Resources r) {
        Map<String, Quantity> requests = new LinkedHashMap<>();
        Map<String, Quantity> limits = new LinkedHashMap<>();
        r.cpuRequest().ifPresent(v -> requests.put("cpu", new Quantity(v)));
        r.memoryRequest().ifPresent(v -> requests.put("memory", new Quantity(v)));
        r.cpuLimit().ifPresent(v -> limits.put("cpu", new Quantity(v)));
        r.memoryLimit().ifPresent(v -> limits.put("memory", new Quantity(v)));
        if (r.acceleratorCount() > 0) {
            String type = r.acceleratorType().filter(t -> t.contains("/")).orElse("nvidia.com/gpu");
            limits.put(type, new Quantity(Integer.toString(r.acceleratorCount())));
        }
        return new ResourceRequirementsBuilder()
                .withRequests(requests.isEmpty() ? null : requests)
                .withLimits(limits.isEmpty() ? null : limits)
                .build();
    }

    private static void addHostPath(
            String name, Path host, String at, boolean readOnly, List<Volume> volumes, List<VolumeMount> mounts) {
        volumes.add(new VolumeBuilder()
                .withName(name)
                .withNewHostPath()
                .withPath(host.toString())
                .withType("Directory")
                .endHostPath()
                .build());
        mounts.add(new VolumeMountBuilder()
                .withName(name)
                .withMountPath(at)
                .withReadOnly(readOnly)
                .build());
    }

    private static Path shared(Path root, Path p, TaskLaunch launch, String site) throws ExecutorException {
        Path abs = p.toAbsolutePath().normalize();
        if (!abs.startsWith(root)) {
            throw new ExecutorException(
                    "task " + launch.taskPath() + ": " + abs + " is not under the filesystem shared with offload site "
                            + site + " (" + root + ")",
                    false);
        }
        return abs;
    }

    private static String labelValue(String text) {
        String s = text.replaceAll("[^A-Za-z0-9_.-]+", "-");
        return (s.length() > 63 ? s.substring(0, 63) : s).replaceAll("^[^A-Za-z0-9]+|[^A-Za-z0-9]+$", "");
    }
}
