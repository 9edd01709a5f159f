package io.ponte.cli.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventStreamParserTest {

    @Test
    void an_event_ends_at_a_blank_line_with_its_data_lines_joined_by_newlines() {
        List<ServerSentEvent> events = parse("event: delta", "data: {\"text\":", "data:  \"a\"}", "", "data:plain", "");

        assertThat(events)
                .containsExactly(
                        new ServerSentEvent("delta", "{\"text\":\n \"a\"}"), new ServerSentEvent("message", "plain"));
    }

    @Test
    void comments_ids_retries_and_events_without_data_are_skipped() {
        List<ServerSentEvent> events =
                parse(": keep-alive", "", "event: ping", "", "id: 7", "retry: 100", "event: done", "data", "");

        assertThat(events).containsExactly(new ServerSentEvent("done", ""));
    }

    @Test
    void an_event_cut_off_before_its_blank_line_is_not_dispatched() {
        assertThat(parse("event: done", "data: {}")).isEmpty();
    }

    private static List<ServerSentEvent> parse(String... lines) {
        EventStreamParser parser = new EventStreamParser();
        List<ServerSentEvent> events = new ArrayList<>();
        for (String line : lines) {
            parser.line(line).ifPresent(events::add);
        }
        return events;
    }
}
