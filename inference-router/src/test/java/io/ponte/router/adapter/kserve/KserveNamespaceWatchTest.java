package io.ponte.router.adapter.kserve;

import static io.ponte.router.adapter.kserve.Isvcs.huggingFace;
import static io.ponte.router.adapter.kserve.Isvcs.readyAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.ponte.api.kserve.InferenceService;
import io.ponte.router.core.BackendRegistry;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One namespace's informer against the fabric8 mock API server (CRUD mode), without Quarkus. */
class KserveNamespaceWatchTest {

    private final KubernetesServer server =
            new KubernetesServer(false, true, InetAddress.getLoopbackAddress(), 0, List.of());
    private final BackendRegistry registry = new BackendRegistry();
    private final AtomicInteger changes = new AtomicInteger();
    private KubernetesClient client;
    private NamespaceWatch watch;

    @BeforeEach
    void startServer() {
        server.before();
        client = server.getClient();
        registry.onChange(r -> changes.incrementAndGet());
        watch = new NamespaceWatch(client, "ml", new RegistrySync(registry, Configs.mapper()));
    }

    @AfterEach
    void stopServer() {
        watch.close();
        server.after();
    }

    @Test
    void services_that_exist_before_the_start_are_routed_by_the_time_it_reports_synced() {
        client.resource(readyAt(huggingFace("ml", "llama"), "http://llama.ml")).create();
        client.resource(readyAt(huggingFace("ml", "qwen"), "http://qwen.ml")).create();
        client.resource(readyAt(huggingFace("hpc", "elsewhere"), "http://elsewhere.hpc"))
                .create();

        watch.start();
        await().atMost(Duration.ofSeconds(10)).until(watch::synced);

        assertThat(registry.replicas())
                .extracting(r -> r.name())
                .containsExactlyInAnyOrder("kserve/ml/llama", "kserve/ml/qwen");
    }

    @Test
    void replayed_and_stale_events_change_nothing_and_a_real_delete_removes_the_backend() {
        InferenceService isvc = client.resource(readyAt(huggingFace("ml", "llama"), "http://llama.ml"))
                .create();
        watch.start();
        await().atMost(Duration.ofSeconds(10)).until(watch::synced);
        int afterSync = changes.get();

        watch.onAdd(isvc);
        watch.onUpdate(isvc, isvc);
        watch.onDelete(isvc, true);

        assertThat(registry.replica("kserve/ml/llama")).isPresent();
        assertThat(changes).hasValue(afterSync);

        client.resource(isvc).delete();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> registry.replica("kserve/ml/llama").isEmpty());
        watch.onDelete(isvc, true);
        assertThat(changes).hasValue(afterSync + 1);
    }
}
