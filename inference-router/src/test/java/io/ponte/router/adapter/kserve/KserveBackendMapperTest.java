package io.ponte.router.adapter.kserve;

import static io.ponte.router.adapter.kserve.Configs.mapper;
import static io.ponte.router.adapter.kserve.Isvcs.annotated;
import static io.ponte.router.adapter.kserve.Isvcs.huggingFace;
import static io.ponte.router.adapter.kserve.Isvcs.readyAt;
import static io.ponte.router.adapter.kserve.Isvcs.speaking;
import static io.ponte.router.adapter.kserve.Isvcs.withStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ponte.api.kserve.InferenceService;
import io.ponte.router.config.RouterConfig.Protocol;
import io.ponte.router.core.BackendSpec;
import java.net.URI;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KserveBackendMapperTest {

    private static final String CLUSTER = "http://llama.ml.svc.cluster.local";
    private static final String EXTERNAL = "https://llama-ml.example.org";

    @Test
    void a_ready_huggingface_service_is_reached_at_its_cluster_address_under_the_default_openai_prefix() {
        InferenceService isvc = withStatus(huggingFace("ml", "llama"), true, EXTERNAL, CLUSTER);

        BackendSpec spec = route(mapper().map(isvc));

        assertThat(spec.name()).isEqualTo("kserve/ml/llama");
        assertThat(spec.source()).isEqualTo("kserve");
        assertThat(spec.baseUrl()).isEqualTo(URI.create(CLUSTER + "/openai/v1"));
        assertThat(spec.protocol()).isEqualTo(Protocol.OPENAI);
        assertThat(spec.models()).containsExactly("llama");
        assertThat(spec.apiKey()).isEmpty();
        assertThat(spec.weight()).isEqualTo(1);
        assertThat(spec.timeouts()).isEqualTo(Configs.defaultTimeouts());
        assertThat(spec.probePath()).isEqualTo("/models");
    }

    @Test
    void the_external_url_is_used_when_the_cluster_address_is_not_preferred_or_absent() {
        InferenceService both = withStatus(huggingFace("ml", "llama"), true, EXTERNAL, CLUSTER);
        InferenceService externalOnly = readyAt(huggingFace("ml", "llama"), EXTERNAL);

        assertThat(route(mapper("ponte.router.kserve.prefer-cluster-address", "false")
                                .map(both))
                        .baseUrl())
                .isEqualTo(URI.create(EXTERNAL + "/openai/v1"));
        assertThat(route(mapper().map(externalOnly)).baseUrl()).isEqualTo(URI.create(EXTERNAL + "/openai/v1"));
    }

    @Test
    void the_configured_prefix_applies_to_every_openai_service() {
        InferenceService isvc = readyAt(huggingFace("ml", "llama"), EXTERNAL + "/");

        BackendSpec spec =
                route(mapper("ponte.router.kserve.openai-prefix", "/v1").map(isvc));

        assertThat(spec.baseUrl()).isEqualTo(URI.create(EXTERNAL + "/v1"));
    }

    @Test
    void the_prefix_annotation_overrides_the_configured_prefix() {
        InferenceService v1 =
                annotated(readyAt(huggingFace("ml", "a"), EXTERNAL + "/"), "ponte.io/openai-prefix", "v1/");
        InferenceService root = annotated(readyAt(huggingFace("ml", "b"), EXTERNAL), "ponte.io/openai-prefix", "");

        assertThat(route(mapper().map(v1)).baseUrl()).isEqualTo(URI.create(EXTERNAL + "/v1"));
        assertThat(route(mapper().map(root)).baseUrl()).isEqualTo(URI.create(EXTERNAL));
    }

    @Test
    void the_model_name_annotation_sets_the_served_model_name() {
        InferenceService isvc = annotated(
                readyAt(huggingFace("hpc", "llama-leonardo"), EXTERNAL), "ponte.io/model-name", " llama-3.1-8b ");

        assertThat(route(mapper().map(isvc)).models()).isEqualTo(Set.of("llama-3.1-8b"));
    }

    @Test
    void a_v2_predictor_is_reached_at_the_server_root_without_the_openai_prefix() {
        InferenceService isvc = readyAt(speaking("ml", "resnet", "v2"), EXTERNAL);

        BackendSpec spec = route(mapper().map(isvc));

        assertThat(spec.protocol()).isEqualTo(Protocol.V2);
        assertThat(spec.baseUrl()).isEqualTo(URI.create(EXTERNAL));
        assertThat(spec.probePath()).isEqualTo("/v2/health/ready");
    }

    @Test
    void a_grpc_only_predictor_is_skipped_with_a_warning() {
        Mapping mapping = mapper().map(readyAt(speaking("ml", "resnet", "grpc-v2"), EXTERNAL));

        assertThat(mapping).isInstanceOfSatisfying(Mapping.Skip.class, skip -> {
            assertThat(skip.warn()).isTrue();
            assertThat(skip.reason()).contains("grpc-v2");
        });
    }

    @Test
    void the_protocol_annotation_wins_over_the_predictor_protocol_version() {
        InferenceService grpcAlsoRest =
                annotated(readyAt(speaking("ml", "a", "grpc-v2"), EXTERNAL), "ponte.io/protocol", "V2");
        InferenceService v2AsOpenAi =
                annotated(readyAt(speaking("ml", "b", "v2"), EXTERNAL), "ponte.io/protocol", "openai");

        assertThat(route(mapper().map(grpcAlsoRest)).protocol()).isEqualTo(Protocol.V2);
        assertThat(route(mapper().map(v2AsOpenAi)).protocol()).isEqualTo(Protocol.OPENAI);
    }

    @Test
    void an_unknown_protocol_annotation_is_ignored_with_a_warning() {
        InferenceService isvc = annotated(readyAt(speaking("ml", "a", "v2"), EXTERNAL), "ponte.io/protocol", "grpc");

        Mapping.Route route = (Mapping.Route) mapper().map(isvc);

        assertThat(route.spec().protocol()).isEqualTo(Protocol.V2);
        assertThat(route.warnings()).singleElement().asString().contains("ponte.io/protocol", "grpc");
    }

    @Test
    void the_weight_annotation_overrides_the_configured_weight_and_a_bad_one_falls_back_with_a_warning() {
        BackendMapper mapper = mapper("ponte.router.kserve.weight", "3");

        assertThat(route(mapper.map(readyAt(huggingFace("ml", "a"), EXTERNAL))).weight())
                .isEqualTo(3);
        assertThat(route(mapper.map(annotated(readyAt(huggingFace("ml", "a"), EXTERNAL), "ponte.io/weight", "7")))
                        .weight())
                .isEqualTo(7);
        for (String bad : new String[] {"heavy", "0", "1001", ""}) {
            Mapping.Route route = (Mapping.Route)
                    mapper.map(annotated(readyAt(huggingFace("ml", "a"), EXTERNAL), "ponte.io/weight", bad));
            assertThat(route.spec().weight()).as(bad).isEqualTo(3);
            assertThat(route.warnings()).as(bad).singleElement().asString().contains("ponte.io/weight");
        }
    }

    @Test
    void annotation_names_come_from_configuration() {
        InferenceService isvc = annotated(readyAt(huggingFace("ml", "a"), EXTERNAL), "example.org/served-as", "b");

        BackendSpec spec = route(mapper("ponte.router.kserve.model-name-annotation", "example.org/served-as")
                .map(isvc));

        assertThat(spec.models()).containsExactly("b");
    }

    @Test
    void a_service_that_is_not_ready_is_skipped_quietly_with_the_reason() {
        Mapping notReady = mapper().map(withStatus(huggingFace("ml", "a"), false, EXTERNAL, CLUSTER));
        Mapping noStatus = mapper().map(huggingFace("ml", "b"));

        assertThat(notReady).isEqualTo(new Mapping.Skip("it is not Ready (PredictorNotReady)", false));
        assertThat(noStatus).isEqualTo(new Mapping.Skip("it is not Ready", false));
    }

    @Test
    void a_service_being_deleted_is_skipped() {
        InferenceService isvc = readyAt(huggingFace("ml", "a"), EXTERNAL);
        isvc.getMetadata().setDeletionTimestamp("2025-01-01T00:00:00Z");

        assertThat(mapper().map(isvc)).isInstanceOf(Mapping.Skip.class);
    }

    @Test
    void a_ready_service_without_a_url_is_skipped_quietly() {
        Mapping mapping = mapper().map(withStatus(huggingFace("ml", "a"), true, null, null));

        assertThat(mapping).isEqualTo(new Mapping.Skip("its status has no URL yet", false));
    }

    @Test
    void a_url_that_is_not_http_is_skipped_with_a_warning() {
        Mapping mapping = mapper().map(readyAt(huggingFace("ml", "a"), "grpc://llama:9000"));

        assertThat(mapping)
                .isInstanceOfSatisfying(
                        Mapping.Skip.class, skip -> assertThat(skip.warn()).isTrue());
    }

    @Test
    void a_configured_weight_out_of_range_fails_at_start_up_with_the_key() {
        assertThatThrownBy(() -> mapper("ponte.router.kserve.weight", "0"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ponte.router.kserve.weight");
    }

    private static BackendSpec route(Mapping mapping) {
        assertThat(mapping).isInstanceOf(Mapping.Route.class);
        Mapping.Route route = (Mapping.Route) mapping;
        assertThat(route.warnings()).isEmpty();
        return route.spec();
    }
}
