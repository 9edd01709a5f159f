package io.ponte.api.openai;

import static io.ponte.api.testing.RoundTrip.assertRoundTrips;
import static io.ponte.api.testing.RoundTrip.assertSameJson;
import static org.assertj.core.api.Assertions.assertThat;

import io.ponte.api.json.NullableValue;
import io.ponte.api.testing.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChatCompletionChunkTest {

    @Test
    void first_chunk_with_null_usage_round_trips_unchanged() {
        ChatCompletionChunk chunk =
                assertRoundTrips("openai/chat-chunk-first-usage-null.json", ChatCompletionChunk.class);

        assertThat(chunk.usage()).isEqualTo(NullableValue.ofNull());
        assertThat(chunk.usageTotals()).isEmpty();
        ChatDelta delta = chunk.choices().get(0).delta();
        assertThat(delta.text()).isEmpty();
        assertThat(delta.refusal()).isEqualTo(NullableValue.ofNull());
    }

    @Test
    void tool_call_delta_with_null_content_round_trips_unchanged() {
        ChatCompletionChunk chunk =
                assertRoundTrips("openai/chat-chunk-tool-call-delta.json", ChatCompletionChunk.class);

        ChatDelta delta = chunk.choices().get(0).delta();
        assertThat(delta.content()).isEqualTo(NullableValue.ofNull());
        assertThat(delta.refusal()).isNull();
        assertThat(delta.toolCalls().get(0).index()).isZero();
    }

    @Test
    void last_chunk_without_usage_member_round_trips_without_one() {
        ChatCompletionChunk chunk =
                assertRoundTrips("openai/chat-chunk-last-without-usage.json", ChatCompletionChunk.class);

        assertThat(chunk.usage()).isNull();
        assertThat(chunk.choices().get(0).delta()).isEqualTo(ChatDelta.empty());
        assertThat(chunk.choices().get(0).finishReason()).isEqualTo("stop");
    }

    @Test
    void final_usage_chunk_with_empty_choices_round_trips_unchanged() {
        ChatCompletionChunk chunk = assertRoundTrips("openai/chat-chunk-final-usage.json", ChatCompletionChunk.class);

        assertThat(chunk.choices()).isEmpty();
        assertThat(chunk.usageTotals()).map(Usage::totalTokens).contains(470);
    }

    @Test
    void chunks_built_by_factories_write_usage_only_when_asked() {
        ChatCompletionChunk delta = ChatCompletionChunk.of(
                "chatcmpl-1", 1764062121L, "m", List.of(ChunkChoice.of(0, ChatDelta.ofText("Hel"))));
        ChatCompletionChunk last = ChatCompletionChunk.usageOnly("chatcmpl-1", 1764062121L, "m", Usage.of(3, 2));

        assertSameJson(Json.written(delta), Json.tree("""
                {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1764062121,"model":"m",
                 "choices":[{"index":0,"delta":{"content":"Hel"},"logprobs":null,"finish_reason":null}]}
                """));
        assertSameJson(Json.written(last), Json.tree("""
                {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1764062121,"model":"m",
                 "choices":[],"usage":{"prompt_tokens":3,"completion_tokens":2,"total_tokens":5}}
                """));
    }

    @Test
    void usage_can_be_stripped_for_a_client_that_did_not_ask_for_it() throws Exception {
        ChatCompletionChunk upstream = Json.MAPPER.treeToValue(
                Json.sample("openai/chat-chunk-first-usage-null.json"), ChatCompletionChunk.class);

        assertThat(Json.written(upstream.withoutUsage()).has("usage")).isFalse();
        assertThat(Json.written(upstream).get("usage").isNull()).isTrue();
    }
}
