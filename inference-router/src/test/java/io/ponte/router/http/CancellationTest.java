package io.ponte.router.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ponte.router.core.BackendRegistry;
import io.ponte.router.testing.Behaviour;
import io.ponte.router.testing.Fault;
import io.ponte.router.testing.RawClient;
import io.ponte.router.testing.Recorded;
import io.ponte.router.testing.RouterTestBase;
import io.ponte.router.testing.Upstreams;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A client that hangs up cancels its upstream request promptly, whatever the phase. The target is 50 ms; the bound
 * here is looser because CI machines are shared and noisy, and a broken cancel shows as seconds, not milliseconds.
 */
@QuarkusTest
@QuarkusTestResource(Upstreams.class)
class CancellationTest extends RouterTestBase {

    private static final Duration BUDGET = Duration.ofMillis(250);

    @Inject
    BackendRegistry registry;

    @Test
    void before_the_upstream_sent_response_headers() throws Exception {
        Upstreams.SOLO.next(Behaviour.fault(Fault.STALL_BEFORE_HEADERS));

        assertCancelledInTime(RawClient.post(port(), "/v1/chat/completions", chat("solo-model", true)), null);
    }

    @Test
    void after_headers_but_before_the_first_token() throws Exception {
        Upstreams.SOLO.next(Behaviour.fault(Fault.STALL_AFTER_HEADERS));

        assertCancelledInTime(RawClient.post(port(), "/v1/chat/completions", chat("solo-model", true)), null);
    }

    @Test
    void mid_stream() throws Exception {
        Upstreams.SOLO.next(Behaviour.ok().chunks(50).gap(Duration.ofMillis(200)));
        RawClient client = RawClient.post(port(), "/v1/chat/completions", chat("solo-model", true));
        client.awaitHeaders();
        assertThat(client.nextChunk().text()).contains("tok0");

        assertCancelledInTime(client, client);
    }

    @Test
    void for_a_non_streaming_request() throws Exception {
        Upstreams.SOLO.next(Behaviour.ok().headersDelay(Duration.ofSeconds(30)));

        assertCancelledInTime(RawClient.post(port(), "/v1/chat/completions", chat("solo-model", false)), null);
    }

    private void assertCancelledInTime(RawClient client, RawClient alreadyReading) {
        Recorded upstream = Upstreams.SOLO.awaitCall("/chat/completions");
        long hungUp = client.hangUp();

        await().atMost(Duration.ofSeconds(2)).until(() -> upstream.peerClosedNanos() != 0);
        Duration took = Duration.ofNanos(upstream.peerClosedNanos() - hungUp);
        assertThat(took).isLessThanOrEqualTo(BUDGET);
        assertThat(upstream.answered()).isFalse();
        await().atMost(Duration.ofSeconds(1))
                .until(() -> registry.replica("solo").orElseThrow().inFlight() == 0);
    }
}
