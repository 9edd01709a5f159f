package io.ponte.router.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.ponte.router.testing.Recorded;
import io.ponte.router.testing.RouterTestBase;
import io.ponte.router.testing.Upstreams;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Metrics on /q/metrics and traces that carry the request id, upstream included. */
@QuarkusTest
@QuarkusTestResource(Upstreams.class)
@TestProfile(ObservabilityTest.Tracing.class)
class ObservabilityTest extends RouterTestBase {

    public static class Tracing implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.otel.sdk.disabled", "false", "quarkus.otel.bsp.schedule.delay", "10ms");
        }
    }

    /** Spans land in memory instead of an OTLP collector. */
    @Singleton
    static class Exporter {
        @Produces
        @Singleton
        InMemorySpanExporter exporter() {
            return InMemorySpanExporter.create();
        }
    }

    @Inject
    InMemorySpanExporter spans;

    @Test
    void the_server_span_carries_the_request_id_and_the_trace_goes_upstream() throws Exception {
        HttpResponse<String> r = post("/v1/chat/completions", chat("solo-model", false), "x-request-id", "req-trace-1");

        assertThat(r.headers().firstValue("x-request-id")).hasValue("req-trace-1");
        Recorded upstream = Upstreams.SOLO.awaitCall("/chat/completions");
        assertThat(upstream.header("x-request-id")).isEqualTo("req-trace-1");
        assertThat(upstream.header("traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(spans.getFinishedSpanItems()).anySatisfy(span -> {
                    assertThat(span.getAttributes().get(AttributeKey.stringKey("ponte.request_id")))
                            .isEqualTo("req-trace-1");
                    assertThat(upstream.header("traceparent")).contains(span.getTraceId());
                }));
    }

    @Test
    void every_request_writes_one_json_access_line_with_its_usage() throws Exception {
        String id = "req-log-" + UUID.randomUUID();
        post("/v1/chat/completions", chat("solo-model", true), "x-request-id", id);

        await().atMost(Duration.ofSeconds(2))
                .untilAsserted(() -> assertThat(Files.readAllLines(Path.of("target/access.log")))
                        .filteredOn(l -> l.contains("\"" + id + "\""))
                        .singleElement()
                        .satisfies(l -> assertThat(l)
                                .startsWith("{\"time_ms\":")
                                .endsWith("}")
                                .contains(
                                        "\"request_id\":\"" + id + "\"",
                                        "\"api_key\":\"anonymous\"",
                                        "\"model\":\"solo-model\"",
                                        "\"backend\":\"solo\"",
                                        "\"status\":200",
                                        "\"stream\":true",
                                        "\"prompt_tokens\":7",
                                        "\"completion_tokens\":3")));
    }

    @Test
    void metrics_count_requests_tokens_latency_and_upstream_errors() throws Exception {
        post("/v1/chat/completions", chat("solo-model", false));
        post("/v1/chat/completions", chat("flaky-model", false));

        String metrics = get("/q/metrics").body();
        assertThat(metrics)
                .contains("ponte_router_requests_total{")
                .contains("ponte_router_request_duration_seconds_bucket{")
                .contains("ponte_router_tokens_total{")
                .contains("ponte_router_pool_replicas{")
                .contains("ponte_router_backend_inflight{");
        assertThat(metrics.lines()
                        .filter(l -> l.startsWith("ponte_router_requests_total{"))
                        .anyMatch(l -> l.contains("model=\"solo-model\"") && l.contains("status=\"200\"")))
                .isTrue();
    }
}
