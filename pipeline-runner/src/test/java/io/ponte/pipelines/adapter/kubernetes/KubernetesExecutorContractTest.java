package io.ponte.pipelines.adapter.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.ponte.pipelines.adapter.TaskExecutorContractTest;
import io.ponte.pipelines.spi.TaskExecutor;
import io.ponte.pipelines.spi.TaskLaunch;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;

/**
 * The contract on the kubernetes executor, against fabric8's mock API server in CRUD mode. Nothing
 * there runs pods or admits Workloads, so {@link SimulatedCluster} plays Kueue, the Job controller
 * and the kubelet (running the container as a local process over the shared work directory).
 */
@EnableKubernetesMockClient(crud = true)
class KubernetesExecutorContractTest extends TaskExecutorContractTest {
    static final String NS = "pipelines";

    KubernetesMockServer server;
    KubernetesClient client;

    private KubernetesExecutor executor;
    private KubernetesExecutor restarted;
    private SimulatedCluster cluster;

    /** The mock API server logs every request at INFO; only its warnings are of interest here. */
    static final java.util.logging.Logger MOCK_LOG = quiet();

    static java.util.logging.Logger quiet() {
        java.util.logging.Logger log = java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");
        log.setLevel(java.util.logging.Level.WARNING);
        return log;
    }

    private KubernetesExecutor build() {
        return new KubernetesExecutor(
                client,
                KubernetesConfigs.of(Map.of(
                        "namespace",
                        NS,
                        "queue",
                        "team-a",
                        "work-volume.claim-name",
                        "ponte-work",
                        "work-volume.mount-path",
                        tmp.toString())));
    }

    @AfterEach
    void close() {
        if (cluster != null) {
            cluster.close();
        }
        if (executor != null) {
            executor.close();
        }
        if (restarted != null) {
            restarted.close();
        }
    }

    @Override
    protected TaskExecutor executor() {
        if (executor == null) {
            executor = build();
            try {
                cluster = new SimulatedCluster(server, client, NS, tmp);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return executor;
    }

    @Override
    protected TaskExecutor restarted() {
        executor();
        restarted = build();
        return restarted;
    }

    @Override
    protected String image() {
        return "docker.io/library/busybox:1.36";
    }

    @Override
    protected TaskLaunch unstartable(TaskLaunch valid) {
        return new TaskLaunch(
                valid.runId(),
                valid.taskPath(),
                valid.attempt(),
                valid.image(),
                valid.command(),
                valid.args(),
                valid.env(),
                valid.resources(),
                valid.workDir(),
                valid.mounts(),
                valid.logFile(),
                valid.labels(),
                Optional.of(new TaskLaunch.Placement(
                        "kubernetes", Optional.empty(), Optional.empty(), Optional.of("site-nowhere"))),
                valid.timeout());
    }

    @Override
    protected String unstartableMentions(TaskLaunch unstartable) {
        return "offload site 'site-nowhere' is not configured";
    }

    @Override
    protected String unknownRef() {
        return NS + "/ponte-never-created-0";
    }
}
