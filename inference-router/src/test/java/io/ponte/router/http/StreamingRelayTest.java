package io.ponte.router.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.ponte.router.testing.Behaviour;
import io.ponte.router.testing.RawClient;
import io.ponte.router.testing.RawClient.Chunk;
import io.ponte.router.testing.Recorded;
import io.ponte.router.testing.RouterTestBase;
import io.ponte.router.testing.Upstreams;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(Upstreams.class)
class StreamingRelayTest extends RouterTestBase {

    @Test
    void relays_each_upstream_event_as_its_own_chunk_byte_for_byte() throws Exception {
        Upstreams.SOLO.next(Behaviour.ok().chunks(5).gap(Duration.ofMillis(20)));

        try (RawClient client = RawClient.post(port(), "/v1/chat/completions", chatWithUsage("solo-model"))) {
            client.awaitHeaders();
            List<Chunk> chunks = client.remainingChunks();

            assertThat(client.status()).isEqualTo(200);
            assertThat(client.header("content-type")).startsWith("text/event-stream");
            Recorded upstream = Upstreams.SOLO.awaitCall("/chat/completions");
            // 5 content events + the usage chunk the client asked for + [DONE], each one chunk on the wire
            assertThat(chunks).hasSize(upstream.sent.size()).hasSize(7);
            for (int i = 0; i < chunks.size(); i++) {
                assertThat(chunks.get(i).bytes()).as("event %d", i).isEqualTo(upstream.sent.get(i));
            }
            assertThat(chunks.get(5).text()).contains("\"usage\":{\"prompt_tokens\":7");
            assertThat(chunks.get(6).text()).isEqualTo("data: [DONE]\n\n");
        }
    }

    @Test
    void first_event_reaches_the_client_before_the_upstream_sends_the_second() throws Exception {
        Upstreams.SOLO.next(Behaviour.ok().chunks(2).gap(Duration.ofMillis(800)));

        try (RawClient client = RawClient.post(port(), "/v1/chat/completions", chat("solo-model", true))) {
            client.awaitHeaders();
            Chunk first = client.nextChunk();
            Chunk second = client.nextChunk();

            assertThat(first.text()).contains("tok0");
            assertThat(second.text()).contains("tok1");
            assertThat(Duration.ofNanos(second.arrivedNanos() - first.arrivedNanos()))
                    .isGreaterThan(Duration.ofMillis(500));
        }
    }

    @Test
    void asks_upstream_for_usage_and_hides_the_usage_chunk_from_a_client_that_did_not() throws Exception {
        Upstreams.SOLO.next(Behaviour.ok().chunks(3));

        try (RawClient client = RawClient.post(port(), "/v1/chat/completions", chat("solo-model", true))) {
            client.awaitHeaders();
            String body = client.body();

            Recorded upstream = Upstreams.SOLO.awaitCall("/chat/completions");
            assertThat(upstream.bodyText()).contains("\"include_usage\":true");
            assertThat(body).contains("tok0", "tok1", "tok2").endsWith("data: [DONE]\n\n");
            assertThat(body).doesNotContain("\"prompt_tokens\"");
        }
        assertThat(metric("ponte_router_tokens_total", "model=\"solo-model\"", "kind=\"completion\""))
                .isGreaterThanOrEqualTo(3.0);
    }

    @Test
    void non_streaming_answer_is_relayed_whole_with_ponte_headers() throws Exception {
        var response = post("/v1/chat/completions", chat("solo-model", false));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"chat.completion\"", "hello from " + Upstreams.SOLO.port());
        assertThat(response.headers().firstValue("x-ponte-backend")).hasValue("solo");
        assertThat(response.headers().firstValue("x-ponte-attempts")).hasValue("1");
        assertThat(response.headers().firstValue("x-ponte-overhead-us")).get().matches(v -> Long.parseLong(v) >= 0);
        assertThat(response.headers().firstValue("x-request-id")).isPresent();
    }

    private double metric(String name, String... labels) throws Exception {
        String text = get("/q/metrics").body();
        return text.lines()
                .filter(l -> l.startsWith(name + "{"))
                .filter(l -> List.of(labels).stream().allMatch(l::contains))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }
}
