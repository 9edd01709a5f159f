package io.ponte.api.openai;

import static io.ponte.api.testing.RoundTrip.assertRoundTrips;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChatCompletionRoundTripTest {

    @Test
    void chat_request_with_tools_and_multimodal_content_round_trips_unchanged() {
        ChatCompletionRequest request =
                assertRoundTrips("openai/chat-request-tools-multimodal.json", ChatCompletionRequest.class);

        ChatMessage user = request.messages().get(1);
        assertThat(user.content()).isInstanceOf(MessageContent.Parts.class);
        assertThat(user.content().asText())
                .isEqualTo("Which site is this dashboard from, and is its queue busy right now?");
        assertThat(((MessageContent.Parts) user.content()).parts())
                .extracting(ContentPart::type)
                .containsExactly("text", "image_url", "input_audio");
        assertThat(request.messages().get(2).toolCalls().get(0).function().name())
                .isEqualTo("get_queue_status");
        assertThat(request.tools()).extracting(Tool::type).containsExactly("function", "custom");
        assertThat(request.stop().sequences()).containsExactly("\nUser:", "<|eot_id|>");
        assertThat(request.isStreaming()).isTrue();
        assertThat(request.includesUsage()).isTrue();
        assertThat(request.extra()).containsKeys("metadata", "store", "top_k", "chat_template_kwargs");
    }

    @Test
    void chat_request_with_json_schema_and_named_tool_choice_round_trips_unchanged() {
        ChatCompletionRequest request =
                assertRoundTrips("openai/chat-request-json-schema.json", ChatCompletionRequest.class);

        assertThat(request.stop()).isEqualTo(Stop.of("\n\n"));
        assertThat(request.toolChoice().path("function").path("name").asText()).isEqualTo("record_downtime");
        assertThat(request.responseFormat().jsonSchema().path("name").asText()).isEqualTo("downtime");
        assertThat(request.messages().get(0).content()).isEqualTo(MessageContent.of("Answer in JSON only."));
    }

    @Test
    void chat_response_with_tool_calls_round_trips_unchanged() {
        ChatCompletionResponse response =
                assertRoundTrips("openai/chat-response-tool-calls.json", ChatCompletionResponse.class);

        ChatChoice choice = response.choices().get(0);
        assertThat(choice.finishReason()).isEqualTo("tool_calls");
        assertThat(choice.message().content()).isNull();
        assertThat(choice.message().toolCalls())
                .extracting(ToolCall::id)
                .containsExactly("call_Q7vX2kLm9", "call_b81TzR0pw");
        assertThat(response.usage().promptTokensDetails().cachedTokens()).isEqualTo(384);
    }

    @Test
    void chat_response_with_logprobs_round_trips_unchanged() {
        ChatCompletionResponse response =
                assertRoundTrips("openai/chat-response-logprobs.json", ChatCompletionResponse.class);

        TokenLogprob first = response.choices().get(0).logprobs().content().get(0);
        assertThat(first.token()).isEqualTo("Yes");
        assertThat(first.topLogprobs()).hasSize(2);
    }
}
