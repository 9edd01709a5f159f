package io.ponte.router.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseEventSplitterTest {

    private final List<String> events = new ArrayList<>();
    private final SseEventSplitter splitter = new SseEventSplitter(
            (data, offset, length) -> events.add(new String(data, offset, length, StandardCharsets.UTF_8)));

    @Test
    void hands_on_each_event_of_a_chunk_separately_with_its_blank_line() {
        splitter.feed(bytes("data: a\n\ndata: b\n\n"));

        assertThat(events).containsExactly("data: a\n\n", "data: b\n\n");
        assertThat(splitter.remainder()).isEmpty();
    }

    @Test
    void joins_an_event_split_across_chunks_even_inside_its_terminator() {
        splitter.feed(bytes("data: {\"x\""));
        splitter.feed(bytes(":1}\r\n\r"));
        assertThat(events).isEmpty();

        splitter.feed(bytes("\ndata: next"));

        assertThat(events).containsExactly("data: {\"x\":1}\r\n\r\n");
        assertThat(new String(splitter.remainder(), StandardCharsets.UTF_8)).isEqualTo("data: next");
    }

    @Test
    void keeps_multi_line_events_and_comments_intact() {
        splitter.feed(bytes(": keep-alive\n\nevent: message\ndata: line1\ndata: line2\n\n"));

        assertThat(events).containsExactly(": keep-alive\n\n", "event: message\ndata: line1\ndata: line2\n\n");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
