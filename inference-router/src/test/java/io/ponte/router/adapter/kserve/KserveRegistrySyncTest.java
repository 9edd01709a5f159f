package io.ponte.router.adapter.kserve;

import static io.ponte.router.adapter.kserve.Isvcs.annotated;
import static io.ponte.router.adapter.kserve.Isvcs.huggingFace;
import static io.ponte.router.adapter.kserve.Isvcs.readyAt;
import static io.ponte.router.adapter.kserve.Isvcs.withStatus;
import static org.assertj.core.api.Assertions.assertThat;

import io.ponte.api.kserve.InferenceService;
import io.ponte.router.config.RouterConfig.Protocol;
import io.ponte.router.core.BackendRegistry;
import io.ponte.router.core.Replica;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class KserveRegistrySyncTest {

    private final BackendRegistry registry = new BackendRegistry();
    private final RegistrySync sync = new RegistrySync(registry, Configs.mapper());
    private final AtomicInteger changes = new AtomicInteger();

    KserveRegistrySyncTest() {
        registry.onChange(r -> changes.incrementAndGet());
    }

    @Test
    void replaying_the_same_state_changes_the_registry_once_and_keeps_the_replica() {
        InferenceService isvc = readyAt(huggingFace("ml", "llama"), "http://llama.ml");

        sync.reconcile("ml", "llama", () -> isvc);
        Replica first = registry.replica("kserve/ml/llama").orElseThrow();
        sync.reconcile("ml", "llama", () -> isvc);
        sync.reconcile("ml", "llama", () -> withStatus(huggingFace("ml", "llama"), true, "http://llama.ml", null));

        assertThat(changes).hasValue(1);
        assertThat(registry.replica("kserve/ml/llama")).containsSame(first);
        assertThat(registry.pool(Protocol.OPENAI, "llama")).isPresent();
    }

    @Test
    void a_service_that_stops_being_ready_leaves_the_pool_and_comes_back_when_ready_again() {
        sync.reconcile("ml", "llama", () -> readyAt(huggingFace("ml", "llama"), "http://llama.ml"));

        sync.reconcile("ml", "llama", () -> withStatus(huggingFace("ml", "llama"), false, "http://llama.ml", null));
        assertThat(registry.pool(Protocol.OPENAI, "llama")).isEmpty();
        assertThat(sync.routed()).isEmpty();

        sync.reconcile("ml", "llama", () -> readyAt(huggingFace("ml", "llama"), "http://llama.ml"));
        assertThat(registry.pool(Protocol.OPENAI, "llama")).isPresent();
    }

    @Test
    void a_changed_address_replaces_the_backend() {
        sync.reconcile("ml", "llama", () -> readyAt(huggingFace("ml", "llama"), "http://old.ml"));
        sync.reconcile("ml", "llama", () -> readyAt(huggingFace("ml", "llama"), "http://new.ml"));

        assertThat(registry.replica("kserve/ml/llama").orElseThrow().spec().baseUrl())
                .hasToString("http://new.ml/openai/v1");
        assertThat(registry.replicas()).hasSize(1);
    }

    @Test
    void a_deleted_service_is_removed_and_a_delete_of_an_unknown_one_changes_nothing() {
        sync.reconcile("ml", "llama", () -> readyAt(huggingFace("ml", "llama"), "http://llama.ml"));

        sync.reconcile("ml", "llama", () -> null);
        sync.reconcile("ml", "never-seen", () -> null);
        sync.reconcile("ml", "llama", () -> null);

        assertThat(registry.replicas()).isEmpty();
        assertThat(changes).hasValue(2);
    }

    @Test
    void services_serving_one_model_name_in_two_namespaces_form_one_pool() {
        sync.reconcile(
                "ml",
                "llama-a100",
                () -> annotated(
                        readyAt(huggingFace("ml", "llama-a100"), "http://a100.ml"), "ponte.io/model-name", "llama"));
        sync.reconcile(
                "hpc",
                "llama-leonardo",
                () -> annotated(
                        readyAt(huggingFace("hpc", "llama-leonardo"), "http://leonardo.hpc"),
                        "ponte.io/model-name",
                        "llama"));

        assertThat(registry.pool(Protocol.OPENAI, "llama").orElseThrow().replicas())
                .extracting(Replica::name)
                .containsExactly("kserve/hpc/llama-leonardo", "kserve/ml/llama-a100");
    }

    @Test
    void a_grpc_only_service_is_never_routed() {
        sync.reconcile("ml", "resnet", () -> readyAt(Isvcs.speaking("ml", "resnet", "grpc-v2"), "http://resnet.ml"));
        sync.reconcile("ml", "resnet", () -> readyAt(Isvcs.speaking("ml", "resnet", "grpc-v2"), "http://resnet.ml"));

        assertThat(registry.replicas()).isEmpty();
        assertThat(changes).hasValue(0);
    }
}
