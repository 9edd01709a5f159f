package io.ponte.router.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.ponte.router.core.BackendRegistry;
import io.ponte.router.testing.Behaviour;
import io.ponte.router.testing.Fault;
import io.ponte.router.testing.RawClient;
import io.ponte.router.testing.RouterTestBase;
import io.ponte.router.testing.Upstreams;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Retries on another replica whenever nothing has reached the client yet. */
@QuarkusTest
@QuarkusTestResource(Upstreams.class)
class FailoverTest extends RouterTestBase {

    @Inject
    BackendRegistry registry;

    @Test
    void a_refused_connection_is_retried_on_the_live_replica() throws Exception {
        boolean sawRetry = false;
        for (int i = 0; i < 12; i++) {
            HttpResponse<String> r = post("/v1/chat/completions", chat("flaky-model", false));

            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("x-ponte-backend")).hasValue("alive");
            sawRetry |= r.headers().firstValue("x-ponte-attempts").orElseThrow().equals("2");
        }
        assertThat(sawRetry).as("some request first tried the dead replica").isTrue();
    }

    @Test
    void a_5xx_before_the_first_byte_is_retried_elsewhere() throws Exception {
        Upstreams.POOL_A.always(Behaviour.status(500, null));

        for (int i = 0; i < 6; i++) {
            HttpResponse<String> r = post("/v1/chat/completions", chat("pool-model", true));

            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("x-ponte-backend")).hasValue("pool-b");
            assertThat(r.body()).endsWith("data: [DONE]\n\n");
        }
    }

    @Test
    void a_replica_that_keeps_failing_is_ejected_and_gets_no_more_traffic() throws Exception {
        Upstreams.POOL_A.always(Behaviour.status(503, null));
        for (int i = 0; i < 60 && !ejected("eject-a"); i++) {
            assertThat(post("/v1/chat/completions", chat("eject-model", false)).statusCode())
                    .isEqualTo(200);
        }
        assertThat(ejected("eject-a")).isTrue();
        assertThat(Upstreams.POOL_A.calls())
                .as("three consecutive failures eject it")
                .hasSize(3);
        int callsWhenEjected = Upstreams.POOL_A.calls().size();

        for (int i = 0; i < 10; i++) {
            HttpResponse<String> r = post("/v1/chat/completions", chat("eject-model", false));
            assertThat(r.headers().firstValue("x-ponte-backend")).hasValue("eject-b");
            assertThat(r.headers().firstValue("x-ponte-attempts")).hasValue("1");
        }

        assertThat(Upstreams.POOL_A.calls()).as("no attempt while ejected").hasSize(callsWhenEjected);
    }

    private boolean ejected(String backend) {
        return registry.replica(backend).orElseThrow().outlier().ejected(System.nanoTime());
    }

    @Test
    void an_empty_stream_and_a_429_are_retried_elsewhere() throws Exception {
        Upstreams.POOL_A.next(Behaviour.fault(Fault.EOF_BEFORE_FIRST_CHUNK));
        Upstreams.POOL_B.next(Behaviour.status(429, "7"));

        HttpResponse<String> r = post("/v1/chat/completions", chat("pool-model", true));

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("tok0").endsWith("data: [DONE]\n\n");
        assertThat(r.headers().firstValue("x-ponte-attempts")).hasValue("3");
    }

    @Test
    void when_every_replica_rate_limits_the_client_gets_429_with_retry_after() throws Exception {
        Upstreams.POOL_A.always(Behaviour.status(429, "7"));
        Upstreams.POOL_B.always(Behaviour.status(429, "7"));

        HttpResponse<String> r = post("/v1/chat/completions", chat("pool-model", false));

        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(r.headers().firstValue("retry-after")).hasValue("7");
        assertThat(r.body()).contains("\"type\":\"rate_limit_error\"", "\"code\":\"rate_limit_exceeded\"");
        assertThat(r.headers().firstValue("x-ponte-attempts")).hasValue("3");
    }

    @Test
    void when_every_attempt_fails_the_client_gets_a_502_envelope() throws Exception {
        Upstreams.POOL_A.always(Behaviour.fault(Fault.CLOSE_BEFORE_HEADERS));
        Upstreams.POOL_B.always(Behaviour.status(500, null));

        HttpResponse<String> r = post("/v1/chat/completions", chat("pool-model", false));

        assertThat(r.statusCode()).isEqualTo(502);
        assertThat(r.body()).startsWith("{\"error\":{").contains("\"type\":\"api_error\"");
        assertThat(Upstreams.POOL_A.calls().size() + Upstreams.POOL_B.calls().size())
                .isEqualTo(3);
    }

    @Test
    void a_silent_upstream_times_out_at_the_models_first_byte_deadline_with_504() throws Exception {
        Upstreams.SOLO.always(Behaviour.fault(Fault.STALL_BEFORE_HEADERS));
        long start = System.nanoTime();

        HttpResponse<String> r = post("/v1/chat/completions", chat("quick-model", true));

        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(r.statusCode()).isEqualTo(504);
        assertThat(r.body()).contains("\"code\":\"upstream_timeout\"");
        assertThat(millis).as("3 attempts of 300 ms").isBetween(850L, 5000L);
    }

    @Test
    void a_stream_broken_after_the_first_event_ends_with_an_error_event() throws Exception {
        Upstreams.SOLO.next(Behaviour.fault(Fault.EOF_AFTER_FIRST_CHUNK));

        try (RawClient client = RawClient.post(port(), "/v1/chat/completions", chat("solo-model", true))) {
            client.awaitHeaders();
            var chunks = client.remainingChunks();

            assertThat(client.status()).isEqualTo(200);
            assertThat(chunks).hasSize(2);
            assertThat(chunks.get(0).text()).contains("tok0");
            assertThat(chunks.get(1).text())
                    .startsWith("data: {\"error\":{")
                    .contains("\"code\":\"upstream_disconnected\"")
                    .endsWith("\n\n");
        }
        assertThat(Upstreams.SOLO.calls())
                .as("never retried once bytes reached the client")
                .hasSize(1);
    }

    @Test
    void a_stream_that_goes_silent_ends_with_a_timeout_event_after_the_idle_deadline() throws Exception {
        Upstreams.SOLO.next(Behaviour.fault(Fault.STALL_AFTER_FIRST_CHUNK));

        try (RawClient client = RawClient.post(port(), "/v1/chat/completions", chat("quick-model", true))) {
            client.awaitHeaders();
            var chunks = client.remainingChunks();

            assertThat(chunks).hasSize(2);
            assertThat(chunks.get(1).text()).contains("\"code\":\"upstream_timeout\"");
            long gap = (chunks.get(1).arrivedNanos() - chunks.get(0).arrivedNanos()) / 1_000_000;
            assertThat(gap).isBetween(250L, 3000L);
        }
    }
}
