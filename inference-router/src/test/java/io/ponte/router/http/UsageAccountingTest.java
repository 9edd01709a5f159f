package io.ponte.router.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.ponte.router.testing.RawClient;
import io.ponte.router.testing.RouterTestBase;
import io.ponte.router.testing.Upstreams;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Every completed stream is accounted, whether or not its client asked for usage. */
@QuarkusTest
@QuarkusTestResource(Upstreams.class)
class UsageAccountingTest extends RouterTestBase {

    private static final int STREAMS = 40;

    @Test
    void usage_is_recorded_for_every_completed_stream() throws Exception {
        double before = metric("ponte_router_tokens_total", "model=\"pool-model\"", "kind=\"completion\"");
        double missingBefore = metric("ponte_router_usage_missing_total", "model=\"pool-model\"");

        List<String> bodies = new ArrayList<>();
        try (ExecutorService clients = Executors.newFixedThreadPool(10)) {
            List<Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < STREAMS; i++) {
                String body = i % 2 == 0 ? chat("pool-model", true) : chatWithUsage("pool-model");
                futures.add(clients.submit(() -> {
                    try (RawClient c = RawClient.post(port(), "/v1/chat/completions", body)) {
                        return c.awaitHeaders().body();
                    }
                }));
            }
            for (Future<String> f : futures) {
                bodies.add(f.get());
            }
        }

        assertThat(bodies).allSatisfy(b -> assertThat(b).endsWith("data: [DONE]\n\n"));
        // the fake reports 3 completion tokens per stream
        assertThat(metric("ponte_router_tokens_total", "model=\"pool-model\"", "kind=\"completion\"") - before)
                .isEqualTo(3.0 * STREAMS);
        assertThat(metric("ponte_router_usage_missing_total", "model=\"pool-model\""))
                .isEqualTo(missingBefore);
    }

    private double metric(String name, String... labels) throws Exception {
        return get("/q/metrics")
                .body()
                .lines()
                .filter(l -> l.startsWith(name + "{"))
                .filter(l -> List.of(labels).stream().allMatch(l::contains))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }
}
