package io.ponte.router.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class UsageExtractorTest {

    private final UsageExtractor extractor = new UsageExtractor(new ObjectMapper());

    @Test
    void reads_usage_of_a_whole_response() {
        var usage = extractor.fromBody(
                bytes("{\"id\":\"x\",\"usage\":{\"prompt_tokens\":11,\"completion_tokens\":4,\"total_tokens\":15}}"));

        assertThat(usage).contains(new Usage(11, 4));
    }

    @Test
    void recognises_the_usage_only_chunk_of_a_stream() {
        var chunk = extractor.fromEvent(
                bytes("data: {\"choices\":[],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":9}}\n\n"));

        assertThat(chunk).isPresent();
        assertThat(chunk.get().usage()).isEqualTo(new Usage(3, 9));
        assertThat(chunk.get().usageOnly()).isTrue();
    }

    @Test
    void ignores_content_chunks_with_null_usage_and_done() {
        assertThat(extractor.fromEvent(bytes("data: {\"choices\":[{\"delta\":{}}],\"usage\":null}\n\n")))
                .isEmpty();
        assertThat(extractor.fromEvent(bytes("data: [DONE]\n\n"))).isEmpty();
        assertThat(extractor.fromBody(bytes("{\"id\":\"x\"}"))).isEmpty();
    }

    @Test
    void a_content_chunk_that_also_carries_usage_is_not_usage_only() {
        var chunk = extractor.fromEvent(
                bytes(
                        "data: {\"choices\":[{\"delta\":{\"content\":\"x\"}}],\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":1}}\n\n"));

        assertThat(chunk).isPresent();
        assertThat(chunk.get().usageOnly()).isFalse();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
