package io.ponte.pipelines.adapter.kubernetes;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Stands in, on fabric8's mock API server (CRUD mode), for what a real cluster would do with the
 * executor's Jobs: Kueue (writes a Workload for each suspended Job, then — while {@link #admit} is
 * on — marks it QuotaReserved and Admitted and unsuspends the Job), the Job controller (creates the
 * pod, writes the Job's conditions) and the kubelet (runs the container's command as a local
 * process, with its env and working directory, writes the pod's status, serves its log). The
 * claim of the shared work volume is this host's directory {@code workRoot}: a pod whose mounts
 * would not see the same paths fails, as it would in a cluster where they differ.
 */
final class SimulatedCluster implements AutoCloseable {
    static final String CLUSTER_QUEUE = "cluster-gpu";

    private final KubernetesMockServer server;
    private final KubernetesClient client;
    private final String namespace;
    private final Path workRoot;
    private final Path logs;
    private final Map<String, Process> running = new ConcurrentHashMap<>();
    private final Set<String> finished = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor();
    volatile boolean admit = true;

    SimulatedCluster(KubernetesMockServer server, KubernetesClient client, String namespace, Path workRoot)
            throws IOException {
        this.server = server;
        this.client = client;
        this.namespace = namespace;
        this.workRoot = workRoot;
        this.logs = Files.createTempDirectory("simulated-kubelet");
        loop.scheduleWithFixedDelay(this::tick, 0, 50, TimeUnit.MILLISECONDS);
    }

    private void tick() {
        try {
            List<Job> jobs =
                    client.batch().v1().jobs().inNamespace(namespace).list().getItems();
            Set<String> names = ConcurrentHashMap.newKeySet();
            for (Job job : jobs) {
                String name = job.getMetadata().getName();
                names.add(name);
                if (Boolean.TRUE.equals(job.getSpec().getSuspend())) {
                    kueue(job);
                } else if (!running.containsKey(name) && !finished.contains(name)) {
                    startPod(job);
                }
            }
            for (var e : running.entrySet()) {
                if (!names.contains(e.getKey())) {
                    kill(e.getValue());
                    running.remove(e.getKey());
                } else if (!e.getValue().isAlive()) {
                    complete(e.getKey(), e.getValue().exitValue());
                }
            }
        } catch (RuntimeException e) {
            if (!loop.isShutdown()) {
                System.err.println("simulated cluster: " + e);
            }
        }
    }

    private void kueue(Job job) {
        GenericKubernetesResource w = workload(job);
        if (w == null) {
            w = new GenericKubernetesResource();
            w.setApiVersion("kueue.x-k8s.io/v1beta1");
            w.setKind("Workload");
            w.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder()
                    .withName("job-" + job.getMetadata().getName() + "-"
                            + UUID.randomUUID().toString().substring(0, 5))
                    .withNamespace(namespace)
                    .withLabels(Map.of(KueueStatus.JOB_UID, job.getMetadata().getUid()))
                    .addNewOwnerReference()
                    .withApiVersion("batch/v1")
                    .withKind("Job")
                    .withName(job.getMetadata().getName())
                    .withUid(job.getMetadata().getUid())
                    .withController(true)
                    .endOwnerReference()
                    .build());
            w.setAdditionalProperty(
                    "spec", Map.of("queueName", job.getMetadata().getLabels().get(Names.QUEUE_NAME)));
            w.setAdditionalProperty(
                    "status",
                    Map.of(
                            "conditions",
                            List.of(Map.of(
                                    "type", "QuotaReserved",
                                    "status", "False",
                                    "reason", "Pending",
                                    "message",
                                            "couldn't assign flavors to pod set main: insufficient unused quota for"
                                                    + " nvidia.com/gpu in flavor h100, 1 more needed"))));
            w = client.genericKubernetesResources(KueueStatus.WORKLOAD)
                    .inNamespace(namespace)
                    .resource(w)
                    .create();
        }
        if (!admit) {
            return;
        }
        w.setAdditionalProperty(
                "status",
                Map.of(
                        "admission",
                                Map.of(
                                        "clusterQueue",
                                        CLUSTER_QUEUE,
                                        "podSetAssignments",
                                        List.of(Map.of("name", "main", "flavors", Map.of("nvidia.com/gpu", "h100")))),
                        "conditions",
                                List.of(
                                        Map.of("type", "QuotaReserved", "status", "True", "reason", "QuotaReserved"),
                                        Map.of("type", "Admitted", "status", "True", "reason", "Admitted"))));
        client.genericKubernetesResources(KueueStatus.WORKLOAD)
                .inNamespace(namespace)
                .resource(w)
                .update();
        client.batch()
                .v1()
                .jobs()
                .inNamespace(namespace)
                .withName(job.getMetadata().getName())
                .edit(j -> {
                    j.getSpec().setSuspend(false);
                    return j;
                });
    }

    GenericKubernetesResource workload(Job job) {
        return client
                .genericKubernetesResources(KueueStatus.WORKLOAD)
                .inNamespace(namespace)
                .withLabel(KueueStatus.JOB_UID, job.getMetadata().getUid())
                .list()
                .getItems()
                .stream()
                .findFirst()
                .orElse(null);
    }

    private void startPod(Job job) {
        String jobName = job.getMetadata().getName();
        Container c = job.getSpec().getTemplate().getSpec().getContainers().get(0);
        String podName = jobName + "-" + UUID.randomUUID().toString().substring(0, 5);
        Pod pod = new PodBuilder()
                .withNewMetadata()
                .withName(podName)
                .withNamespace(namespace)
                .withLabels(job.getSpec().getTemplate().getMetadata().getLabels())
                .addToLabels("batch.kubernetes.io/job-name", jobName)
                .endMetadata()
                .withSpec(job.getSpec().getTemplate().getSpec())
                .withNewStatus()
                .withPhase("Pending")
                .endStatus()
                .build();
        client.pods().inNamespace(namespace).resource(pod).create();
        String unseen = unseenMount(job, c);
        try {
            if (unseen != null) {
                throw new IOException(unseen);
            }
            List<String> argv = new ArrayList<>(c.getCommand());
            argv.addAll(c.getArgs());
            ProcessBuilder pb = new ProcessBuilder(argv)
                    .directory(new File(c.getWorkingDir()))
                    .redirectErrorStream(true)
                    .redirectOutput(logs.resolve(podName).toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            pb.environment().clear();
            pb.environment().put("PATH", System.getenv("PATH")); // the "image" is this host
            c.getEnv().forEach(e -> pb.environment().put(e.getName(), e.getValue()));
            running.put(jobName, pb.start());
            pod.getStatus().setPhase("Running");
            pod.getStatus()
                    .setContainerStatuses(List.of(new ContainerStatusBuilder()
                            .withName(c.getName())
                            .withNewState()
                            .withNewRunning(Instant.now().toString())
                            .endState()
                            .build()));
        } catch (IOException e) {
            finished.add(jobName);
            pod.getStatus().setPhase("Failed");
            pod.getStatus().setMessage(e.getMessage());
            jobEnded(jobName, false, "PodFailed");
        }
        client.pods().inNamespace(namespace).resource(pod).update();
    }

    /** Null when every mount of the work volume resolves to the same path on this host. */
    private String unseenMount(Job job, Container c) {
        Volume v = job.getSpec().getTemplate().getSpec().getVolumes().get(0);
        for (VolumeMount m : c.getVolumeMounts()) {
            Path seen = workRoot.resolve(m.getSubPath() == null ? "" : m.getSubPath());
            if (!m.getName().equals(v.getName()) || !seen.equals(Path.of(m.getMountPath()))) {
                return "mount " + m.getMountPath() + " would show " + seen;
            }
        }
        return null;
    }

    private void complete(String jobName, int exit) {
        running.remove(jobName);
        finished.add(jobName);
        Pod pod = client.pods()
                .inNamespace(namespace)
                .withLabel(Names.JOB_NAME, jobName)
                .list()
                .getItems()
                .get(0);
        String podName = pod.getMetadata().getName();
        String log;
        try {
            log = Files.readString(logs.resolve(podName));
        } catch (IOException e) {
            log = "";
        }
        server.expect()
                .get()
                .withPath("/api/v1/namespaces/" + namespace + "/pods/" + podName + "/log?pretty=false&container="
                        + JobManifest.CONTAINER)
                .andReturn(200, log)
                .always();
        pod.getStatus().setPhase(exit == 0 ? "Succeeded" : "Failed");
        pod.getStatus()
                .setContainerStatuses(List.of(new ContainerStatusBuilder()
                        .withName(JobManifest.CONTAINER)
                        .withNewState()
                        .withNewTerminated()
                        .withExitCode(exit)
                        .withReason(exit == 0 ? "Completed" : "Error")
                        .endTerminated()
                        .endState()
                        .build()));
        client.pods().inNamespace(namespace).resource(pod).update();
        jobEnded(jobName, exit == 0, exit == 0 ? "Completed" : "BackoffLimitExceeded");
    }

    private void jobEnded(String jobName, boolean ok, String reason) {
        client.batch().v1().jobs().inNamespace(namespace).withName(jobName).edit(j -> {
            if (j.getStatus() == null) {
                j.setStatus(new io.fabric8.kubernetes.api.model.batch.v1.JobStatus());
            }
            j.getStatus()
                    .setConditions(List.of(new JobConditionBuilder()
                            .withType(ok ? "Complete" : "Failed")
                            .withStatus("True")
                            .withReason(reason)
                            .build()));
            j.getStatus().setSucceeded(ok ? 1 : 0);
            j.getStatus().setFailed(ok ? 0 : 1);
            return j;
        });
    }

    private static void kill(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
    }

    @Override
    public void close() {
        loop.shutdownNow();
        running.values().forEach(SimulatedCluster::kill);
    }
}
