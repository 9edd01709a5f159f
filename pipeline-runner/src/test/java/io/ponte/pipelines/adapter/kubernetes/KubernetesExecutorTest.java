package io.ponte.pipelines.adapter.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.ponte.pipelines.spi.ExecutorException;
import io.ponte.pipelines.spi.TaskHandle;
import io.ponte.pipelines.spi.TaskLaunch;
import io.ponte.pipelines.spi.TaskProgress.Phase;
import io.ponte.pipelines.spi.TaskResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Job manifests, Kueue status and cancellation of the kubernetes executor, on fabric8's mock
 * API server in CRUD mode. Where Kueue would act, {@link SimulatedCluster} writes what Kueue
 * writes (Workload conditions, unsuspending the Job), and the visibility API's answer is an
 * expectation registered on the mock server.
 */
@EnableKubernetesMockClient(crud = true)
class KubernetesExecutorTest {
    static final String NS = "ml";
    static final java.util.logging.Logger MOCK_LOG = KubernetesExecutorContractTest.quiet();

    KubernetesMockServer server;
    KubernetesClient client;

    @TempDir
    Path root;

    private KubernetesExecutor executor;
    private SimulatedCluster cluster;

    @AfterEach
    void close() {
        if (cluster != null) {
            cluster.close();
        }
        if (executor != null) {
            executor.close();
        }
    }

    private KubernetesExecutor executor(Map<String, String> extra) {
        Map<String, String> keys = new LinkedHashMap<>(Map.of(
                "namespace", NS,
                "queue", "team-default",
                "priority-class", "batch-low",
                "work-volume.claim-name", "ponte-work",
                "work-volume.mount-path", root.toString(),
                "placements.leonardo.node-selector.\"kubernetes.io/hostname\"", "leonardo-vk",
                "placements.leonardo.slurm-flags", "--partition=boost_usr_prod --account=infn_ai",
                "placements.leonardo.annotations.\"slurm-job.vk.io/flavor\"", "h100",
                "accelerator-resources.NVIDIA_TESLA_T4", "nvidia.com/gpu"));
        keys.putAll(extra);
        executor = new KubernetesExecutor(client, KubernetesConfigs.of(keys));
        return executor;
    }

    private TaskLaunch launch(
            TaskLaunch.Resources resources, Optional<TaskLaunch.Placement> placement, List<TaskLaunch.Mount> mounts)
            throws Exception {
        Path work = Files.createDirectories(root.resolve("runs/r1/train/1"));
        Map<String, String> env = new LinkedHashMap<>();
        env.put("B_FIRST", "1");
        env.put("A_SECOND", "two words");
        return new TaskLaunch(
                "0b7e9a52-run",
                "root/for-loop-2[3]/Train Model",
                2,
                "ghcr.io/acme/train:1.4",
                List.of("python3", "-m", "train"),
                List.of("--lr", "0.01"),
                env,
                resources,
                work,
                mounts,
                work.resolve("log.txt"),
                Map.of("team", "vision", "owner email", "a@b.example"),
                placement,
                Optional.of(Duration.ofMinutes(90)));
    }

    private static TaskLaunch.Resources gpus(String type, int count) {
        return new TaskLaunch.Resources(
                Optional.of("500m"),
                Optional.of("2"),
                Optional.of("1Gi"),
                Optional.of("8Gi"),
                Optional.of(type),
                count);
    }

    @Test
    void the_job_carries_kueue_labels_resources_placement_and_the_work_volume() throws Exception {
        Path outputs = Files.createDirectories(root.resolve("runs/r1/train/1/kfp_outputs"));
        TaskLaunch launch = launch(
                gpus("nvidia.com/gpu", 2),
                Optional.of(new TaskLaunch.Placement(
                        "kubernetes", Optional.of("gpu-queue"), Optional.of("high"), Optional.of("leonardo"))),
                List.of(new TaskLaunch.Mount(outputs, "/tmp/kfp_outputs", false)));

        TaskHandle handle = executor(Map.of()).start(launch);

        Job job = client.batch()
                .v1()
                .jobs()
                .inNamespace(NS)
                .withName(handle.ref().substring(NS.length() + 1))
                .get();
        assertThat(handle.ref()).startsWith(NS + "/ponte-train-model-").endsWith("-a2");
        assertThat(job.getMetadata().getName()).hasSizeLessThanOrEqualTo(63);
        assertThat(job.getMetadata().getLabels())
                .containsEntry("kueue.x-k8s.io/queue-name", "gpu-queue")
                .containsEntry("kueue.x-k8s.io/priority-class", "high")
                .containsEntry("ponte.io/run-id", "0b7e9a52-run")
                .containsEntry("ponte.io/task", "Train-Model")
                .containsEntry("ponte.io/attempt", "2")
                .containsEntry("team", "vision");
        assertThat(job.getMetadata().getAnnotations())
                .containsEntry("ponte.io/task-path", "root/for-loop-2[3]/Train Model")
                .containsEntry("owner email", "a@b.example");
        assertThat(job.getSpec().getSuspend()).isTrue();
        assertThat(job.getSpec().getBackoffLimit()).isZero();
        assertThat(job.getSpec().getActiveDeadlineSeconds()).isEqualTo(5400L);

        PodSpec pod = job.getSpec().getTemplate().getSpec();
        assertThat(job.getSpec().getTemplate().getMetadata().getLabels())
                .containsEntry("ponte.io/job-name", job.getMetadata().getName());
        assertThat(job.getSpec().getTemplate().getMetadata().getAnnotations())
                .containsEntry("slurm-job.vk.io/flags", "--partition=boost_usr_prod --account=infn_ai")
                .containsEntry("slurm-job.vk.io/flavor", "h100");
        assertThat(pod.getRestartPolicy()).isEqualTo("Never");
        assertThat(pod.getPriorityClassName()).isEqualTo("high");
        assertThat(pod.getNodeSelector()).containsExactlyEntriesOf(Map.of("kubernetes.io/hostname", "leonardo-vk"));
        assertThat(pod.getTolerations())
                .extracting(Toleration::getKey, Toleration::getOperator, Toleration::getEffect)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        "virtual-node.interlink/no-schedule", "Exists", "NoSchedule"));
        assertThat(pod.getVolumes()).singleElement().satisfies(v -> {
            assertThat(v.getName()).isEqualTo("ponte-work");
            assertThat(v.getPersistentVolumeClaim().getClaimName()).isEqualTo("ponte-work");
        });

        Container c = pod.getContainers().get(0);
        assertThat(c.getName()).isEqualTo("main");
        assertThat(c.getImage()).isEqualTo("ghcr.io/acme/train:1.4");
        assertThat(c.getCommand()).containsExactly("python3", "-m", "train");
        assertThat(c.getArgs()).containsExactly("--lr", "0.01");
        assertThat(c.getEnv())
                .extracting(EnvVar::getName, EnvVar::getValue)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("B_FIRST", "1"),
                        org.assertj.core.groups.Tuple.tuple("A_SECOND", "two words"));
        assertThat(c.getWorkingDir()).isEqualTo(launch.workDir().toString());
        assertThat(c.getResources().getRequests())
                .containsEntry("cpu", new Quantity("500m"))
                .containsEntry("memory", new Quantity("1Gi"));
        assertThat(c.getResources().getLimits())
                .containsEntry("cpu", new Quantity("2"))
                .containsEntry("memory", new Quantity("8Gi"))
                .containsEntry("nvidia.com/gpu", new Quantity("2"));
        assertThat(c.getVolumeMounts())
                .extracting(m -> m.getMountPath() + " <- " + m.getSubPath()
                        + (Boolean.TRUE.equals(m.getReadOnly()) ? " ro" : ""))
                .containsExactly(
                        launch.workDir() + " <- runs/r1/train/1", "/tmp/kfp_outputs <- runs/r1/train/1/kfp_outputs");
    }

    @Test
    void without_a_placement_the_configured_queue_and_priority_apply_and_no_interlink_fields() throws Exception {
        Job job = executor(Map.of("pod-priority-class", "false"))
                .manifest(launch(TaskLaunch.Resources.none(), Optional.empty(), List.of()));

        assertThat(job.getMetadata().getLabels())
                .containsEntry("kueue.x-k8s.io/queue-name", "team-default")
                .containsEntry("kueue.x-k8s.io/priority-class", "batch-low");
        PodSpec pod = job.getSpec().getTemplate().getSpec();
        assertThat(pod.getPriorityClassName()).isNull();
        assertThat(pod.getNodeSelector()).isNullOrEmpty();
        assertThat(pod.getTolerations()).isNullOrEmpty();
        assertThat(job.getSpec().getTemplate().getMetadata().getAnnotations())
                .doesNotContainKey("slurm-job.vk.io/flags");
        assertThat(pod.getContainers().get(0).getResources().getLimits()).isNullOrEmpty();
    }

    @Test
    void ir_accelerator_types_map_to_kubernetes_resources() throws Exception {
        KubernetesExecutor ex = executor(Map.of());
        Map<String, String> seen = new LinkedHashMap<>();
        for (String type : List.of("NVIDIA_TESLA_T4", "amd.com/gpu", "TPU_V9")) {
            Job job = ex.manifest(launch(gpus(type, 1), Optional.empty(), List.of()));
            Map<String, Quantity> limits = job.getSpec()
                    .getTemplate()
                    .getSpec()
                    .getContainers()
                    .get(0)
                    .getResources()
                    .getLimits();
            limits.keySet().stream()
                    .filter(k -> !k.equals("cpu") && !k.equals("memory"))
                    .forEach(k -> seen.put(type, k));
        }

        assertThat(seen)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "NVIDIA_TESLA_T4", "nvidia.com/gpu", "amd.com/gpu", "amd.com/gpu", "TPU_V9", "nvidia.com/gpu"));
    }

    @Test
    void paths_off_the_shared_volume_and_a_missing_claim_are_refused_before_anything_is_created() throws Exception {
        Path elsewhere = Files.createTempDirectory("not-shared");
        TaskLaunch offVolume = launch(
                TaskLaunch.Resources.none(), Optional.empty(), List.of(new TaskLaunch.Mount(elsewhere, "/data", true)));

        assertThatThrownBy(() -> executor(Map.of()).start(offVolume))
                .isInstanceOf(ExecutorException.class)
                .hasMessageContaining("mount /data " + elsewhere)
                .hasMessageContaining("not on the shared work volume");
        executor.close();
        assertThatThrownBy(() -> executor(Map.of("work-volume.claim-name", ""))
                        .start(launch(TaskLaunch.Resources.none(), Optional.empty(), List.of())))
                .isInstanceOf(ExecutorException.class)
                .hasMessageContaining("work-volume.claim-name");
        assertThat(client.batch().v1().jobs().inNamespace(NS).list().getItems()).isEmpty();
        Files.delete(elsewhere);
    }

    @Test
    void a_pending_task_shows_kueue_admission_state_and_its_queue_position() throws Exception {
        cluster = new SimulatedCluster(server, client, NS, root);
        cluster.admit = false;
        TaskLaunch launch = launch(
                gpus("nvidia.com/gpu", 1),
                Optional.of(new TaskLaunch.Placement(
                        "kubernetes", Optional.of("gpu-queue"), Optional.empty(), Optional.empty())),
                List.of());
        Files.writeString(launch.workDir().resolve("train.sh"), "");
        TaskHandle handle = executor(Map.of()).start(Launches.shell(launch, "echo trained"));
        Job job = job(handle);
        await().atMost(Duration.ofSeconds(10)).until(() -> cluster.workload(job) != null);
        String workload = cluster.workload(job).getMetadata().getName();
        server.expect()
                .get()
                .withPath("/apis/visibility.kueue.x-k8s.io/v1beta1/namespaces/" + NS
                        + "/localqueues/gpu-queue/pendingworkloads")
                .andReturn(
                        200,
                        Map.of(
                                "kind",
                                "PendingWorkloadsSummary",
                                "items",
                                List.of(
                                        pending("job-other-a", 0, 3),
                                        pending(workload, 1, 4),
                                        pending("job-other-b", 2, 5))))
                .always();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(handle.progress().phase()).isEqualTo(Phase.QUEUED);
            assertThat(handle.progress().detail())
                    .contains("Kueue: pending in LocalQueue gpu-queue, position 2 of 3 (position 5 in ClusterQueue)")
                    .contains("insufficient unused quota for nvidia.com/gpu");
        });

        cluster.admit = true;
        TaskResult result = handle.completion().toCompletableFuture().get(20, TimeUnit.SECONDS);
        assertThat(result.succeeded()).isTrue();
        assertThat(new KueueStatus(client).describe(job))
                .isEqualTo("Kueue: admitted by ClusterQueue cluster-gpu (flavors: nvidia.com/gpu=h100)");
        assertThat(Files.readAllLines(launch.logFile())).contains("trained");
    }

    @Test
    void without_the_visibility_api_the_local_queue_count_is_shown() throws Exception {
        cluster = new SimulatedCluster(server, client, NS, root);
        cluster.admit = false;
        GenericKubernetesResource lq = new GenericKubernetesResource();
        lq.setApiVersion("kueue.x-k8s.io/v1beta1");
        lq.setKind("LocalQueue");
        lq.setMetadata(new ObjectMetaBuilder()
                .withName("team-default")
                .withNamespace(NS)
                .build());
        lq.setAdditionalProperty("spec", Map.of("clusterQueue", "cluster-gpu"));
        lq.setAdditionalProperty("status", Map.of("pendingWorkloads", 4));
        client.genericKubernetesResources(KueueStatus.LOCAL_QUEUE)
                .inNamespace(NS)
                .resource(lq)
                .create();

        TaskHandle handle = executor(Map.of()).start(launch(TaskLaunch.Resources.none(), Optional.empty(), List.of()));

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(handle.progress().detail())
                        .startsWith("Kueue: pending in LocalQueue team-default, one of 4 pending"));
    }

    @Test
    void cancel_deletes_the_job_with_background_propagation() throws Exception {
        TaskHandle handle = executor(Map.of()).start(launch(TaskLaunch.Resources.none(), Optional.empty(), List.of()));
        String name = job(handle).getMetadata().getName();

        handle.cancel();
        TaskResult result = handle.completion().toCompletableFuture().get(10, TimeUnit.SECONDS);

        assertThat(result.cancelled()).isTrue();
        assertThat(handle.progress().phase()).isEqualTo(Phase.CANCELLED);
        assertThat(client.batch().v1().jobs().inNamespace(NS).withName(name).get())
                .isNull();
        List<RecordedRequest> deletes = new ArrayList<>();
        for (RecordedRequest r = server.takeRequest(1, TimeUnit.SECONDS);
                r != null;
                r = server.takeRequest(100, TimeUnit.MILLISECONDS)) {
            if ("DELETE".equals(r.getMethod())) {
                deletes.add(r);
            }
        }
        assertThat(deletes).singleElement().satisfies(r -> {
            assertThat(r.getPath()).isEqualTo("/apis/batch/v1/namespaces/" + NS + "/jobs/" + name);
            assertThat(r.getBody().readUtf8()).contains("\"propagationPolicy\":\"Background\"");
        });
    }

    @Test
    void a_job_already_created_for_the_attempt_is_adopted() throws Exception {
        TaskLaunch launch = launch(TaskLaunch.Resources.none(), Optional.empty(), List.of());
        KubernetesExecutor ex = executor(Map.of());

        TaskHandle first = ex.start(launch);
        TaskHandle second = ex.start(launch);

        assertThat(second.ref()).isEqualTo(first.ref());
        assertThat(client.batch().v1().jobs().inNamespace(NS).list().getItems()).hasSize(1);
    }

    @Test
    void a_job_deleted_outside_the_runner_fails_the_attempt() throws Exception {
        TaskHandle handle = executor(Map.of()).start(launch(TaskLaunch.Resources.none(), Optional.empty(), List.of()));

        client.batch()
                .v1()
                .jobs()
                .inNamespace(NS)
                .withName(job(handle).getMetadata().getName())
                .delete();
        TaskResult result = handle.completion().toCompletableFuture().get(10, TimeUnit.SECONDS);

        assertThat(result.cancelled()).isFalse();
        assertThat(result.reason()).get().asString().contains("deleted outside the runner");
    }

    private Job job(TaskHandle handle) {
        return client.batch()
                .v1()
                .jobs()
                .inNamespace(NS)
                .withName(handle.ref().substring(NS.length() + 1))
                .get();
    }

    private static Map<String, Object> pending(String name, int inLocal, int inCluster) {
        return Map.of(
                "metadata", Map.of("name", name, "namespace", NS),
                "positionInLocalQueue", inLocal,
                "positionInClusterQueue", inCluster);
    }
}
