package io.ponte.router.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ponte.router.testing.RouterTestBase;
import io.ponte.router.testing.Upstreams;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Active readiness probes take failing replicas out of routing and learn unconfigured model names. */
@QuarkusTest
@QuarkusTestResource(Upstreams.class)
@TestProfile(ProbeTest.Probing.class)
class ProbeTest extends RouterTestBase {

    public static class Probing implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "ponte.router.health.probe-interval", "100ms",
                    // the same server as 'solo', configured without model names: they are asked for
                    "ponte.router.backends.learned.url", "${ponte.router.backends.solo.url}");
        }
    }

    @Test
    void a_replica_failing_its_probe_gets_no_traffic_until_it_recovers() throws Exception {
        Upstreams.POOL_A.readyStatus(503);
        await().atMost(Duration.ofSeconds(3))
                .untilAsserted(() -> assertThat(poolAvailable()).isEqualTo(1.0));

        for (int i = 0; i < 8; i++) {
            assertThat(post("/v1/chat/completions", chat("pool-model", false))
                            .headers()
                            .firstValue("x-ponte-backend"))
                    .hasValue("pool-b");
        }

        Upstreams.POOL_A.readyStatus(200);
        await().atMost(Duration.ofSeconds(3))
                .untilAsserted(() -> assertThat(poolAvailable()).isEqualTo(2.0));
    }

    @Test
    void model_names_of_an_unconfigured_backend_come_from_its_model_list() throws Exception {
        try {
            Upstreams.SOLO.models("solo-model", "quick-model", "learned-model");

            await().atMost(Duration.ofSeconds(3))
                    .untilAsserted(() -> assertThat(get("/v1/models").body()).contains("\"id\":\"learned-model\""));
            HttpResponse<String> r = post("/v1/chat/completions", chat("learned-model", false));
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("x-ponte-backend")).hasValue("learned");
        } finally {
            Upstreams.SOLO.models("solo-model", "quick-model");
        }
    }

    private double poolAvailable() throws Exception {
        return get("/q/metrics")
                .body()
                .lines()
                .filter(l -> l.startsWith("ponte_router_pool_replicas{"))
                .filter(l -> l.contains("model=\"pool-model\"") && l.contains("state=\"available\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElse(-1);
    }
}
