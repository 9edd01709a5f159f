package io.ponte.cli.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ponte.cli.testing.FakeServer;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Deadlines and failures of {@link ServiceClient#events}, the way a streamed answer is read. */
class ServiceClientEventsTest {
    private static final Service SERVICE = new Service(
            "test service", "test service", "--test", "PONTE_TEST_URL", "http://127.0.0.1:1", Optional.empty());

    @RegisterExtension
    private final FakeServer server = FakeServer.start();

    private final ServiceClient client = new ServiceClient(SERVICE, URI.create(server.url()), Optional.empty());
    private final List<ServerSentEvent> events = new CopyOnWriteArrayList<>();

    @Test
    void a_stream_that_stays_silent_past_the_idle_deadline_fails_after_what_it_delivered() {
        AtomicBoolean givenUp = new AtomicBoolean();
        server.answerInParts(
                "POST", "/s", "text/event-stream", givenUp::get, "event: a\ndata: 1\n\n", "event: b\ndata: 2\n\n");

        try {
            assertThatThrownBy(() -> client.events("/s", Map.of(), Duration.ofMillis(300), events::add))
                    .isInstanceOf(ServiceException.class)
                    .hasMessage(
                            "the test service at " + server.url() + " sent nothing for 300 ms while answering POST /s");
        } finally {
            givenUp.set(true);
        }
        assertThat(events).containsExactly(new ServerSentEvent("a", "1"));
    }

    @Test
    void an_answer_that_is_not_an_event_stream_is_refused() {
        server.answer("POST", "/s", 200, "{\"answer\":\"42\"}");

        assertThatThrownBy(() -> client.events("/s", Map.of(), Duration.ofSeconds(5), events::add))
                .isInstanceOf(ServiceException.class)
                .hasMessage("the test service answered POST /s with application/json, not server-sent events");
    }

    @Test
    void a_listener_that_throws_stops_the_stream_and_its_exception_is_passed_on() {
        server.answer("POST", "/s", 200, "text/event-stream", "data: 1\n\ndata: 2\n\n");

        assertThatThrownBy(() -> client.events("/s", Map.of(), Duration.ofSeconds(5), event -> {
                    events.add(event);
                    throw new IllegalStateException("enough");
                }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("enough");
        assertThat(events).hasSize(1);
    }
}
