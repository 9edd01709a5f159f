package io.ponte.offload.vktest;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Plays interLink's virtual kubelet (and the interLink API server in front of the plugin) for the
 * pods scheduled to one virtual node: binds the pods that select the node and tolerate its taint,
 * marks them Pending, resolves their env and volume data and calls {@code /create} (a failure marks
 * the pod Failed with reason {@code ProviderFailed} and the plugin's answer as message), polls
 * {@code /status} for one pod per request while the pod is not terminal and maps the answer with
 * {@link PodPhaseMapper}, writing the status to the API server; serves logs through {@code
 * /getLogs} and deletes through {@code /delete}.
 */
final class VirtualKubelet implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(VirtualKubelet.class.getName());
    private static final KubernetesSerialization JSON = new KubernetesSerialization();

    private final ControlPlane cluster;
    private final PluginClient plugin;
    private final Node node;
    private final Duration statusPeriod;
    private final JobController jobs;
    private final Map<String, Tracked> tracked = new ConcurrentHashMap<>();
    private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "vk-loop"));
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> daemon(r, "vk-worker"));

    /** The VK's own view of one pod. */
    static final class Tracked {
        final Pod pod;
        final AtomicBoolean busy = new AtomicBoolean();
        volatile boolean created;
        volatile Instant nextPoll = Instant.MAX;
        volatile RemotePodStatus lastRemote;
        volatile String jobId;
        final java.util.concurrent.CompletableFuture<Void> creation = new java.util.concurrent.CompletableFuture<>();

        Tracked(Pod pod) {
            this.pod = pod;
        }
    }

    VirtualKubelet(ControlPlane cluster, PluginClient plugin, Node node, Duration statusPeriod) {
        this.cluster = cluster;
        this.plugin = plugin;
        this.node = node;
        this.statusPeriod = statusPeriod;
        this.jobs = new JobController(cluster);
    }

    void start() {
        loop.scheduleWithFixedDelay(this::syncQuietly, 0, 200, TimeUnit.MILLISECONDS);
    }

    String nodeName() {
        return node.getMetadata().getName();
    }

    /** The last status answer the plugin gave for a pod (reasons such as OOMKilled survive here). */
    Optional<RemotePodStatus> lastRemoteStatus(String podUid) {
        return Optional.ofNullable(tracked.get(podUid)).map(t -> t.lastRemote);
    }

    /** A container's log through {@code /getLogs}. */
    PluginClient.Answer logs(Pod pod, String container) throws IOException {
        return plugin.logs(pod, container);
    }

    /** Deletes the pod on the plugin side ({@code /delete}), as the VK does when the pod is deleted. */
    void deleteRemote(Pod pod) {
        Tracked t = tracked.remove(pod.getMetadata().getUid());
        if (t == null) {
            return;
        }
        try {
            t.creation.get(PluginClient.CALL_DEADLINE.toSeconds() + 5, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warning(() -> "create of " + name(pod) + " did not finish before its delete: " + e);
        }
        if (!t.created) {
            return;
        }
        try {
            PluginClient.Answer answer = plugin.delete(t.pod);
            if (!answer.ok()) {
                LOG.warning(() ->
                        "POST /delete for " + name(pod) + " answered HTTP " + answer.status() + ": " + answer.body());
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "POST /delete for " + name(pod) + " failed", e);
        }
    }

    private void syncQuietly() {
        try {
            sync();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "virtual kubelet sync failed", e);
        }
    }

    private void sync() {
        jobs.sync();
        for (Pod pod : cluster.pods()) {
            String uid = pod.getMetadata().getUid();
            if (tracked.containsKey(uid) || pod.getMetadata().getDeletionTimestamp() != null) {
                continue;
            }
            if (pod.getStatus() != null
                    && PodPhaseMapper.isTerminal(pod.getStatus().getPhase())) {
                continue;
            }
            if (!selectsThisNode(pod)) {
                continue;
            }
            Tracked t = new Tracked(pod);
            tracked.put(uid, t);
            t.busy.set(true);
            workers.execute(() -> createPod(t));
        }
        Instant now = Instant.now();
        for (Tracked t : tracked.values()) {
            if (t.created && now.isAfter(t.nextPoll) && t.busy.compareAndSet(false, true)) {
                workers.execute(() -> poll(t));
            }
        }
    }

    /** Whether the pod is (or can be) scheduled here: its node selector matches and it tolerates the taints. */
    boolean selectsThisNode(Pod pod) {
        String bound = pod.getSpec().getNodeName();
        if (bound != null && !bound.isEmpty()) {
            return bound.equals(nodeName());
        }
        Map<String, String> labels = node.getMetadata().getLabels();
        Map<String, String> selector = pod.getSpec().getNodeSelector();
        if (selector == null || selector.isEmpty()) {
            return false;
        }
        if (!selector.entrySet().stream().allMatch(e -> Objects.equals(labels.get(e.getKey()), e.getValue()))) {
            return false;
        }
        return node.getSpec().getTaints().stream()
                .allMatch(taint -> tolerated(taint, pod.getSpec().getTolerations()));
    }

    private static boolean tolerated(Taint taint, List<Toleration> tolerations) {
        return tolerations.stream()
                .anyMatch(t -> (t.getKey() == null
                                || t.getKey().isEmpty()
                                || t.getKey().equals(taint.getKey()))
                        && (t.getEffect() == null
                                || t.getEffect().isEmpty()
                                || t.getEffect().equals(taint.getEffect()))
                        && ("Exists".equals(t.getOperator()) || Objects.equals(t.getValue(), taint.getValue())));
    }

    private void createPod(Tracked t) {
        Pod pod = t.pod;
        try {
            cluster.bind(pod, nodeName());
            pod.setStatus(initialStatus(pod));
            cluster.writeStatus(pod, pod.getStatus());
            Pod toOffload = JSON.clone(pod);
            new EnvResolver(cluster).resolve(toOffload);
            CreateRequest request = new VolumeAssembler(cluster).assemble(toOffload);
            PluginClient.Answer answer = plugin.create(request);
            if (!answer.ok()) {
                fail(t, "error creating pod (HTTP " + answer.status() + "): " + answer.body());
                return;
            }
            t.jobId = answer.body();
            t.created = true;
            t.nextPoll = Instant.now();
        } catch (EnvResolver.UnresolvableEnv | VolumeAssembler.MissingVolumeSource e) {
            fail(t, e.getMessage());
        } catch (IOException | RuntimeException e) {
            fail(t, "error doing createRequest(): " + e);
        } finally {
            t.busy.set(false);
            t.creation.complete(null);
        }
    }

    private void poll(Tracked t) {
        try {
            List<RemotePodStatus> answer = plugin.status(List.of(t.pod));
            if (answer.isEmpty()
                    || !t.pod.getMetadata().getUid().equals(answer.get(0).uid())) {
                return; // the VK logs "No status available" and tries again later
            }
            t.lastRemote = answer.get(0);
            PodStatus status = JSON.clone(t.pod.getStatus());
            PodPhaseMapper.apply(status, answer.get(0));
            t.pod.setStatus(status);
            if (!cluster.writeStatus(t.pod, status)) {
                tracked.remove(t.pod.getMetadata().getUid());
            }
        } catch (IOException | PluginClient.PluginException | RuntimeException e) {
            LOG.warning(() -> "status of " + name(t.pod) + ": " + e.getMessage());
        } finally {
            t.nextPoll = PodPhaseMapper.isTerminal(t.pod.getStatus().getPhase())
                    ? Instant.MAX
                    : Instant.now().plus(statusPeriod);
            t.busy.set(false);
        }
    }

    private void fail(Tracked t, String message) {
        Pod pod = t.pod;
        PodStatusBuilder status = new PodStatusBuilder(pod.getStatus())
                .withPhase(PodPhaseMapper.FAILED)
                .withReason("ProviderFailed")
                .withMessage(message)
                .withInitContainerStatuses(terminated(pod.getSpec().getInitContainers(), message))
                .withContainerStatuses(terminated(pod.getSpec().getContainers(), message));
        pod.setStatus(status.build());
        cluster.writeStatus(pod, pod.getStatus());
    }

    private static List<ContainerStatus> terminated(List<Container> containers, String message) {
        return containers.stream()
                .map(c -> new ContainerStatusBuilder()
                        .withName(c.getName())
                        .withImage(c.getImage())
                        .withNewState()
                        .withNewTerminated()
                        .withExitCode(1)
                        .withReason("ProviderFailed")
                        .withMessage(message)
                        .withFinishedAt(Instant.now().toString())
                        .endTerminated()
                        .endState()
                        .build())
                .toList();
    }

    private static PodStatus initialStatus(Pod pod) {
        String now = Instant.now().toString();
        return new PodStatusBuilder()
                .withPhase(PodPhaseMapper.PENDING)
                .withHostIP("127.0.0.1")
                .withPodIP("127.0.0.1")
                .withStartTime(now)
                .withConditions(
                        new PodConditionBuilder()
                                .withType("PodScheduled")
                                .withStatus("True")
                                .build(),
                        new PodConditionBuilder()
                                .withType("Initialized")
                                .withStatus(pod.getSpec().getInitContainers().isEmpty() ? "True" : "False")
                                .build())
                .withContainerStatuses(pod.getSpec().getContainers().stream()
                        .map(c -> new ContainerStatusBuilder()
                                .withName(c.getName())
                                .withImage(c.getImage())
                                .withReady(false)
                                .withRestartCount(0)
                                .withNewState()
                                .withNewWaiting()
                                .withReason("Remote pod submitted")
                                .withMessage("The pod has been submitted to the remote plugin for creation")
                                .endWaiting()
                                .endState()
                                .build())
                        .toList())
                .build();
    }

    private static String name(Pod pod) {
        return pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    @Override
    public void close() {
        loop.shutdownNow();
        for (Tracked t : List.copyOf(tracked.values())) {
            deleteRemote(t.pod);
        }
        workers.shutdownNow();
    }
}
