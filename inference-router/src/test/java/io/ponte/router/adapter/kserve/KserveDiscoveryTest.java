package io.ponte.router.adapter.kserve;

import static io.ponte.router.adapter.kserve.Isvcs.annotated;
import static io.ponte.router.adapter.kserve.Isvcs.huggingFace;
import static io.ponte.router.adapter.kserve.Isvcs.speaking;
import static io.ponte.router.adapter.kserve.Isvcs.withStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.ponte.api.kserve.InferenceService;
import io.ponte.router.config.RouterConfig.Protocol;
import io.ponte.router.core.BackendRegistry;
import io.ponte.router.core.Replica;
import io.ponte.router.testing.FakeOpenAiUpstream;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Discovery against the fabric8 mock API server in CRUD mode, with real traffic to loopback
 * upstreams that the discovered InferenceServices point at. Each test uses its own names.
 */
@QuarkusTest
@TestProfile(KserveDiscoveryProfile.class)
@WithKubernetesTestServer(crud = true)
class KserveDiscoveryTest {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PREFIX = "ponte.io/openai-prefix";

    private static FakeOpenAiUpstream a100;
    private static FakeOpenAiUpstream leonardo;

    @TestHTTPResource("/")
    URL router;

    @Inject
    KubernetesClient kubernetes;

    @Inject
    BackendRegistry registry;

    @BeforeAll
    static void startUpstreams() {
        a100 = FakeOpenAiUpstream.start();
        leonardo = FakeOpenAiUpstream.start();
    }

    @AfterAll
    static void stopUpstreams() {
        a100.close();
        leonardo.close();
    }

    @Test
    void readiness_is_up_once_every_namespace_is_synced() {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            HttpResponse<String> r = get("/q/health/ready");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            JsonNode backends = check(JSON.readTree(r.body()), "backends");
            assertThat(backends.path("data").path("kserve.synced").asBoolean(false))
                    .isTrue();
        });
    }

    @Test
    void a_ready_service_is_listed_and_routed_at_its_cluster_address() throws Exception {
        InferenceService isvc =
                withStatus(huggingFace("ml", "mistral"), true, "http://mistral.ml.example.org", a100.rootUrl());
        create(annotated(isvc, PREFIX, "/v1"));

        awaitRoutable("mistral");
        assertThat(get("/v1/models").body()).contains("\"id\":\"mistral\"");
        HttpResponse<String> r = post("/v1/chat/completions", chat("mistral"));

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("x-ponte-backend")).hasValue("kserve/ml/mistral");
        assertThat(a100.awaitCall("/v1/chat/completions").bodyText()).contains("\"model\":\"mistral\"");
    }

    @Test
    void a_service_is_routed_only_while_it_is_ready() throws Exception {
        InferenceService created = create(
                annotated(withStatus(huggingFace("ml", "qwen"), false, leonardo.rootUrl(), null), PREFIX, "/v1"));
        awaitSeenAfter("ml", "qwen-marker");

        assertThat(post("/v1/chat/completions", chat("qwen")).body()).contains("\"code\":\"model_not_found\"");
        assertThat(get("/v1/models").body()).doesNotContain("\"id\":\"qwen\"");

        updateStatus(created, true);
        awaitRoutable("qwen");
        assertThat(post("/v1/chat/completions", chat("qwen")).statusCode()).isEqualTo(200);

        updateStatus(created, false);
        awaitNotFound("qwen");
    }

    @Test
    void services_serving_one_model_in_two_namespaces_form_one_pool_that_both_serve() throws Exception {
        create(llama("ml", "llama-a100", a100));
        create(llama("hpc", "llama-leonardo", leonardo));

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(registry.pool(Protocol.OPENAI, "llama-3.1-8b")
                                .map(p ->
                                        p.replicas().stream().map(Replica::name).toList()))
                        .hasValue(List.of("kserve/hpc/llama-leonardo", "kserve/ml/llama-a100")));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            HttpResponse<String> r = post("/v1/chat/completions", chat("llama-3.1-8b"));
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(a100.calls()).anyMatch(c -> c.bodyText().contains("llama-3.1-8b"));
            assertThat(leonardo.calls()).anyMatch(c -> c.bodyText().contains("llama-3.1-8b"));
        });
        assertThat(get("/v1/models").body().split("\"id\":\"llama-3.1-8b\"", -1))
                .hasSize(2);
    }

    @Test
    void a_deleted_service_is_no_longer_routed() throws Exception {
        InferenceService created =
                create(annotated(withStatus(huggingFace("hpc", "phi"), true, leonardo.rootUrl(), null), PREFIX, "/v1"));
        awaitRoutable("phi");

        kubernetes.resource(created).delete();

        awaitNotFound("phi");
        assertThat(registry.replica("kserve/hpc/phi")).isEmpty();
    }

    @Test
    void a_v2_service_is_routed_under_v2_models() throws Exception {
        create(withStatus(speaking("ml", "resnet", "v2"), true, null, a100.rootUrl()));

        await().atMost(Duration.ofSeconds(10))
                .until(() -> registry.pool(Protocol.V2, "resnet").isPresent());
        HttpResponse<String> r = post(
                "/v2/models/resnet/infer",
                "{\"id\":\"7\",\"inputs\":[{\"name\":\"x\",\"shape\":[1],\"datatype\":\"FP32\",\"data\":[2.0]}]}");

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("\"model_name\":\"resnet\"", "\"data\":[4.0]");
        assertThat(a100.awaitCall("/v2/models/resnet/infer").bodyText()).contains("\"id\":\"7\"");
        assertThat(get("/v1/models").body()).doesNotContain("resnet");
    }

    private static InferenceService llama(String namespace, String name, FakeOpenAiUpstream upstream) {
        InferenceService isvc = withStatus(huggingFace(namespace, name), true, upstream.rootUrl(), null);
        return annotated(annotated(isvc, PREFIX, "/v1"), "ponte.io/model-name", "llama-3.1-8b");
    }

    private InferenceService create(InferenceService isvc) {
        return kubernetes.resource(isvc).create();
    }

    private void updateStatus(InferenceService created, boolean ready) {
        InferenceService latest = kubernetes.resource(created).get();
        String url = created.getStatus().url();
        kubernetes.resource(withStatus(latest, ready, url, null)).updateStatus();
    }

    /**
     * Creates a Ready marker service after whatever the test created in {@code namespace} and waits
     * until it is routed: events of one namespace are applied in order, so everything created
     * before it has been applied too.
     */
    private void awaitSeenAfter(String namespace, String marker) throws Exception {
        create(annotated(withStatus(huggingFace(namespace, marker), true, a100.rootUrl(), null), PREFIX, "/v1"));
        awaitRoutable(marker);
    }

    private void awaitRoutable(String model) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> registry.pool(Protocol.OPENAI, model).isPresent());
    }

    private void awaitNotFound(String model) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            HttpResponse<String> r = post("/v1/chat/completions", chat(model));
            assertThat(r.statusCode()).isEqualTo(404);
            assertThat(r.body()).contains("\"code\":\"model_not_found\"");
        });
    }

    private static JsonNode check(JsonNode health, String name) {
        for (JsonNode c : health.path("checks")) {
            if (name.equals(c.path("name").asText())) {
                return c;
            }
        }
        throw new AssertionError("no health check " + name + " in " + health);
    }

    private static String chat(String model) {
        return "{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        return HTTP.send(
                request(path)
                        .header("content-type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + router.getPort() + path))
                .timeout(Duration.ofSeconds(20));
    }
}
