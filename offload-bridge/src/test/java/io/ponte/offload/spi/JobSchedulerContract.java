package io.ponte.offload.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Quantity;
import io.ponte.offload.adapter.image.ConfiguredImageCatalog;
import io.ponte.offload.adapter.image.ImageCatalogConfig;
import io.ponte.offload.adapter.runtime.SubprocessRuntime;
import io.ponte.offload.core.OffloadService;
import io.ponte.offload.core.PlannerSettings;
import io.ponte.offload.core.PodPlanner;
import io.ponte.offload.core.PodRecord;
import io.ponte.offload.core.PodRejectedException;
import io.ponte.offload.core.PodRequest;
import io.ponte.offload.core.PodStatusView;
import io.ponte.offload.core.Runtimes;
import io.ponte.offload.testing.TestPods;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link JobScheduler} must do, driven through the bridge's core the way the API uses
 * it: pods run to their end with each container's own exit code and log, init containers in order
 * and fail-fast, containers together, status for many pods from one scheduler query, idempotent
 * create and delete, and jobs taken back by a restarted bridge.
 */
public abstract class JobSchedulerContract {
    /** Polling answers are cached this long. */
    private static final Duration POLL = Duration.ofMillis(300);

    @TempDir
    Path temp;

    protected Path root;
    protected CountingScheduler scheduler;
    protected OffloadService service;

    /** A fresh scheduler for the adapter under test. */
    protected abstract JobScheduler newScheduler() throws Exception;

    /** How long a trivial pod may take from create to its end on this scheduler. */
    protected Duration patience() {
        return Duration.ofSeconds(30);
    }

    /** The directory pods live in; the default is a temporary directory. */
    protected Path podRoot(Path temp) throws Exception {
        return temp.resolve("pods");
    }

    @BeforeEach
    void startBridge() throws Exception {
        root = podRoot(temp);
        Files.createDirectories(root);
        service = newService(root);
    }

    /** Stops what a test left running (so no job writes into a removed directory), then the bridge. */
    @AfterEach
    void stopBridge() {
        for (PodRecord pod : created) {
            service.delete(podOf(pod));
        }
        for (PodRecord pod : created) {
            await().atMost(patience()).until(() -> jobIsGone(pod));
        }
        service.close();
    }

    private final List<PodRecord> created = new ArrayList<>();

    /** Creates a pod through the bridge and remembers it for the clean-up. */
    protected PodRecord create(PodRequest request) {
        PodRecord pod = service.create(request);
        created.add(pod);
        return pod;
    }

    private static io.fabric8.kubernetes.api.model.Pod podOf(PodRecord pod) {
        return TestPods.pod(pod.name(), List.of(), List.of()).pod().toBuilder()
                .editMetadata()
                .withNamespace(pod.namespace())
                .withUid(pod.uid())
                .endMetadata()
                .build();
    }

    protected OffloadService newService(Path root) throws Exception {
        scheduler = new CountingScheduler(newScheduler());
        PlannerSettings settings = new PlannerSettings(root, "subprocess", Map.of(), Optional.empty(), List.of());
        PodPlanner planner = new PodPlanner(
                settings,
                new Runtimes(List.of(new SubprocessRuntime())),
                new ConfiguredImageCatalog(ImageCatalogConfig.defaults()));
        OffloadService s = new OffloadService(
                planner, scheduler, new ObjectMapper(), root, POLL, Duration.ofSeconds(2), Duration.ZERO);
        s.adoptExisting();
        return s;
    }

    @Test
    void runs_a_pod_to_success_and_keeps_its_output_apart() throws Exception {
        PodRecord pod =
                create(TestPods.pod("hello", List.of(), List.of(TestPods.sh("main", "echo out; echo err >&2"))));

        PodStatusView status = awaitEnd(pod);

        assertThat(terminatedCode(status.containers().get(0))).isZero();
        assertThat(status.containers().get(0).getState().getTerminated().getReason())
                .isEqualTo("Completed");
        assertThat(Files.readString(pod.dir().log("main"))).isEqualTo("out\nerr\n");
    }

    @Test
    void reports_each_containers_own_exit_code() {
        PodRecord pod = create(TestPods.pod(
                "codes",
                List.of(),
                List.of(TestPods.sh("good", "exit 0"), TestPods.sh("bad", "exit 3"), TestPods.sh("ugly", "exit 42"))));

        PodStatusView status = awaitEnd(pod);

        assertThat(status.containers())
                .extracting(JobSchedulerContract::terminatedCode)
                .containsExactly(0, 3, 42);
        assertThat(EpochFile.read(pod.dir().jobExit())).isEqualTo("42");
    }

    @Test
    void runs_init_containers_in_order_and_stops_at_the_first_that_fails() throws Exception {
        Path order = temp.resolve("order");
        PodRecord pod = create(TestPods.pod(
                "init",
                List.of(
                        TestPods.sh("first", "sleep 0.2; echo first >> " + order),
                        TestPods.sh("second", "echo second >> " + order + "; exit 7"),
                        TestPods.sh("third", "echo third >> " + order)),
                List.of(TestPods.sh("main", "echo main >> " + order))));

        PodStatusView status = awaitEnd(pod);

        assertThat(Files.readAllLines(order)).containsExactly("first", "second");
        assertThat(status.initContainers().get(0).getState().getTerminated().getExitCode())
                .isZero();
        assertThat(status.initContainers().get(1).getState().getTerminated().getExitCode())
                .isEqualTo(7);
        assertThat(status.initContainers().get(2).getState().getTerminated()).isNotNull();
        assertThat(status.containers().get(0).getState().getTerminated().getReason())
                .isEqualTo("InitContainerFailed");
        assertThat(terminatedCode(status.containers().get(0))).isNotZero();
    }

    @Test
    void runs_containers_together() {
        Path flags = temp.resolve("flags");
        PodRecord pod = create(TestPods.pod(
                "together",
                List.of(),
                List.of(TestPods.sh("a", waitFor(flags, "a", "b")), TestPods.sh("b", waitFor(flags, "b", "a")))));

        PodStatusView status = awaitEnd(pod);

        assertThat(status.containers())
                .extracting(JobSchedulerContract::terminatedCode)
                .containsExactly(0, 0);
    }

    @Test
    void passes_arguments_and_environment_byte_for_byte() throws Exception {
        List<String> tricky = List.of(
                "plain",
                "",
                "it's \"quoted\"",
                "back\\slash and `tick` and $HOME and $(id)",
                "multi\nline\n",
                "unicode 🤩 é ç",
                "   ",
                "'''",
                "-n");
        Path out = temp.resolve("out");
        Files.createDirectories(out);
        List<String> args = new ArrayList<>(List.of(
                "-c",
                "for a in \"$@\"; do printf '%s\\0' \"$a\"; done > "
                        + out.resolve("args")
                        + "; printf '%s\\0' \"$V0\" \"$V1\" \"$V2\" \"$V3\" \"$V4\" \"$V5\" \"$V6\" \"$V7\" \"$V8\" > "
                        + out.resolve("env"),
                "sh"));
        args.addAll(tricky);
        List<EnvVar> env = new ArrayList<>();
        for (int i = 0; i < tricky.size(); i++) {
            env.add(new EnvVar("V" + i, tricky.get(i), null));
        }
        Container c = new ContainerBuilder()
                .withName("bytes")
                .withImage("busybox")
                .withCommand("/bin/sh")
                .withArgs(args)
                .withEnv(env)
                .build();
        PodRecord pod = create(TestPods.pod("bytes", List.of(), List.of(c)));

        awaitEnd(pod);

        String expected = String.join("\0", tricky) + "\0";
        assertThat(Files.readString(out.resolve("args"), StandardCharsets.UTF_8))
                .isEqualTo(expected);
        assertThat(Files.readString(out.resolve("env"), StandardCharsets.UTF_8)).isEqualTo(expected);
    }

    @Test
    void answers_status_for_many_pods_from_one_scheduler_query() {
        List<PodRecord> pods = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            pods.add(create(TestPods.pod("many-" + i, List.of(), List.of(TestPods.sh("main", "exit " + i)))));
        }
        await().atMost(patience())
                .until(() -> service.status(uids(pods)).stream()
                        .allMatch(s -> s.containers().get(0).getState().getTerminated() != null));
        int before = scheduler.queries.get();

        List<PodStatusView> statuses = service.status(uids(pods));
        for (PodRecord pod : pods) {
            service.status(List.of(pod.uid())); // one pod per request, as the VK asks
        }

        assertThat(scheduler.queries.get() - before).isLessThanOrEqualTo(1);
        assertThat(statuses)
                .extracting(s -> terminatedCode(s.containers().get(0)))
                .containsExactly(0, 1, 2, 3);
    }

    @Test
    void refreshes_all_tracked_jobs_in_one_query_per_poll() throws Exception {
        List<PodRecord> pods = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            pods.add(create(TestPods.pod("poll-" + i, List.of(), List.of(TestPods.sh("main", "sleep 1")))));
        }
        Thread.sleep(POLL.toMillis() + 50); // a time must pass: every cached answer grows stale
        scheduler.batchSizes.clear();

        service.status(List.of(pods.get(0).uid()));
        service.status(List.of(pods.get(1).uid()));
        service.status(List.of(pods.get(2).uid()));

        assertThat(scheduler.batchSizes).hasSize(1);
        assertThat(scheduler.batchSizes.get(0)).isGreaterThanOrEqualTo(3);
    }

    @Test
    void create_is_idempotent_per_pod_uid() throws Exception {
        Path count = temp.resolve("count");
        PodRequest request = TestPods.pod("twice", List.of(), List.of(TestPods.sh("main", "echo once >> " + count)));

        PodRecord first = create(request);
        PodRecord second = create(request);
        awaitEnd(first);

        assertThat(second.jobId()).isEqualTo(first.jobId());
        assertThat(scheduler.submits.get()).isEqualTo(1);
        assertThat(Files.readAllLines(count)).containsExactly("once");
    }

    @Test
    void delete_stops_the_job_and_removes_its_files_and_tolerates_unknown_pods() {
        PodRecord pod = create(TestPods.pod("doomed", List.of(), List.of(TestPods.sh("main", "sleep 300"))));
        await().atMost(patience()).until(() -> Files.exists(pod.dir().started("main")));

        PodRequest unknown = TestPods.pod("never", List.of(), List.of(TestPods.sh("main", "true")));
        service.delete(unknown.pod());
        service.delete(TestPods.pod("doomed", List.of(), List.of()).pod().toBuilder()
                .editMetadata()
                .withUid(pod.uid())
                .endMetadata()
                .build());
        service.delete(TestPods.pod("doomed", List.of(), List.of()).pod().toBuilder()
                .editMetadata()
                .withUid(pod.uid())
                .endMetadata()
                .build());

        await().atMost(patience()).until(() -> !Files.exists(pod.dir().path()));
        assertThat(service.status(List.of(pod.uid()))).isEmpty();
        await().atMost(patience())
                .untilAsserted(() -> assertThat(jobIsGone(pod)).isTrue());
    }

    @Test
    void a_restarted_bridge_takes_back_its_jobs_without_running_them_twice() throws Exception {
        Path release = temp.resolve("release");
        PodRecord pod = create(TestPods.pod(
                "survivor",
                List.of(),
                List.of(TestPods.sh(
                        "main", "echo started; while [ ! -e " + release + " ]; do sleep 0.1; done; echo done"))));
        await().atMost(patience()).until(() -> Files.exists(pod.dir().started("main")));

        service.close(); // the bridge goes away mid-run
        OffloadService restarted = newService(root);
        service = restarted;

        PodStatusView running = restarted.status(List.of(pod.uid())).get(0);
        assertThat(running.jobId()).isEqualTo(pod.jobId());
        assertThat(running.containers().get(0).getState().getRunning()).isNotNull();
        assertThat(restarted.create(recreate(pod)).jobId()).isEqualTo(pod.jobId());

        Files.writeString(release, "");
        PodStatusView ended = awaitEnd(pod);
        assertThat(terminatedCode(ended.containers().get(0))).isZero();
        assertThat(Files.readString(pod.dir().log("main"))).isEqualTo("started\ndone\n");
        assertThat(scheduler.submits.get()).isZero();
    }

    @Test
    void refuses_a_pod_asking_for_more_than_one_job_can_get() throws Exception {
        Container greedy = new ContainerBuilder(TestPods.sh("greedy", "true"))
                .withNewResources()
                .withLimits(Map.of("cpu", new Quantity("4096")))
                .endResources()
                .build();
        PodRequest request = TestPods.pod("greedy", List.of(), List.of(greedy));

        assertThatThrownBy(() -> service.create(request))
                .isInstanceOf(PodRejectedException.class)
                .hasMessageContaining("4096 CPUs");
        assertThat(scheduler.submits.get()).isZero();
    }

    /** Whether the job's processes are gone (the scheduler says it ended, or does not know it). */
    protected boolean jobIsGone(PodRecord pod) throws Exception {
        JobState state =
                scheduler.delegate.query(List.of(OffloadService.job(pod))).get(OffloadService.job(pod));
        return state == null || state.isFinal();
    }

    /** Waits until every container is terminated and the job itself has ended (so its files are complete). */
    protected PodStatusView awaitEnd(PodRecord pod) {
        PodStatusView status = await().atMost(patience())
                .until(
                        () -> service.status(List.of(pod.uid())).get(0),
                        s -> s.containers().stream().allMatch(c -> c.getState().getTerminated() != null));
        await().atMost(patience()).until(() -> jobIsGone(pod));
        return status;
    }

    protected PodRequest recreate(PodRecord pod) throws Exception {
        return new ObjectMapper().readValue(pod.dir().request().toFile(), PodRequest.class);
    }

    private static String waitFor(Path flags, String self, String other) {
        return "mkdir -p " + flags + "; : > " + flags + "/" + self + "; i=0; while [ ! -e " + flags + "/" + other
                + " ]; do i=$((i+1)); [ $i -gt 100 ] && exit 9; sleep 0.1; done";
    }

    private static List<String> uids(List<PodRecord> pods) {
        return pods.stream().map(PodRecord::uid).toList();
    }

    protected static int terminatedCode(ContainerStatus status) {
        assertThat(status.getState().getTerminated())
                .as("container %s terminated", status.getName())
                .isNotNull();
        return status.getState().getTerminated().getExitCode();
    }

    /** Reads small files the job script writes. */
    static final class EpochFile {
        static String read(Path file) {
            try {
                return Files.readString(file).trim();
            } catch (java.io.IOException e) {
                return "";
            }
        }
    }

    /** Counts what the bridge asks of the scheduler under test. */
    protected static final class CountingScheduler implements JobScheduler {
        final JobScheduler delegate;
        final AtomicInteger queries = new AtomicInteger();
        public final AtomicInteger submits = new AtomicInteger();
        final List<Integer> batchSizes = java.util.Collections.synchronizedList(new ArrayList<>());

        CountingScheduler(JobScheduler delegate) {
            this.delegate = delegate;
        }

        @Override
        public String name() {
            return delegate.name();
        }

        @Override
        public List<String> directives(Path podDir, List<String> flags) {
            return delegate.directives(podDir, flags);
        }

        @Override
        public String submit(Path podDir, Path script) throws SchedulerException {
            submits.incrementAndGet();
            return delegate.submit(podDir, script);
        }

        @Override
        public Map<SubmittedJob, JobState> query(Collection<SubmittedJob> jobs) throws SchedulerException {
            queries.incrementAndGet();
            batchSizes.add(jobs.size());
            return delegate.query(jobs);
        }

        @Override
        public void cancel(SubmittedJob job, Duration grace) throws SchedulerException {
            delegate.cancel(job, grace);
        }

        @Override
        public void adopt(SubmittedJob job) {
            delegate.adopt(job);
        }

        @Override
        public Optional<String> find(Path podDir, Path script) throws SchedulerException {
            return delegate.find(podDir, script);
        }

        @Override
        public Optional<NodeCapacity> capacity() throws SchedulerException {
            return delegate.capacity();
        }
    }
}
