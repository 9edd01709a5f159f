package io.ponte.api.openai;

import static io.ponte.api.testing.RoundTrip.assertSameJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.ponte.api.testing.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenAiFactoriesTest {

    @Test
    void chat_request_built_from_factories_writes_only_the_given_members() {
        ChatCompletionRequest request = ChatCompletionRequest.of(
                "llama-3.1-8b-instruct",
                List.of(
                        ChatMessage.system("Be brief."),
                        ChatMessage.user(List.of(
                                ContentPart.text("What is this?"), ContentPart.imageUrl("https://example.org/a.png"))),
                        ChatMessage.tool("call_1", "42")));

        assertSameJson(Json.written(request), Json.tree("""
                {"model":"llama-3.1-8b-instruct","messages":[
                  {"role":"system","content":"Be brief."},
                  {"role":"user","content":[{"type":"text","text":"What is this?"},
                    {"type":"image_url","image_url":{"url":"https://example.org/a.png"}}]},
                  {"role":"tool","content":"42","tool_call_id":"call_1"}]}
                """));
    }

    @Test
    void changing_the_model_keeps_every_other_member() throws Exception {
        ChatCompletionRequest request = Json.MAPPER.treeToValue(
                Json.sample("openai/chat-request-tools-multimodal.json"), ChatCompletionRequest.class);

        ChatCompletionRequest renamed = request.withModel("meta-llama/Llama-3.1-8B-Instruct");

        assertThat(renamed.model()).isEqualTo("meta-llama/Llama-3.1-8B-Instruct");
        assertThat(renamed.withModel(request.model())).isEqualTo(request);
    }

    @Test
    void response_message_writes_null_content_and_refusal_as_the_spec_requires() {
        ChatCompletionResponse response = ChatCompletionResponse.of(
                "chatcmpl-1",
                1764062121L,
                "m",
                List.of(ChatChoice.of(0, ChatResponseMessage.assistant("Hi"), "stop")),
                Usage.of(5, 1));

        assertSameJson(Json.written(response), Json.tree("""
                {"id":"chatcmpl-1","object":"chat.completion","created":1764062121,"model":"m",
                 "choices":[{"index":0,"message":{"role":"assistant","content":"Hi","refusal":null},
                   "logprobs":null,"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":5,"completion_tokens":1,"total_tokens":6}}
                """));
    }

    @Test
    void a_response_message_continues_the_conversation_as_a_request_message() {
        ChatResponseMessage answer =
                new ChatResponseMessage("assistant", null, null, List.of(ToolCall.function("call_1", "f", "{}")), null);

        assertSameJson(Json.written(answer.toRequestMessage()), Json.tree("""
                {"role":"assistant","tool_calls":[{"id":"call_1","type":"function",
                 "function":{"name":"f","arguments":"{}"}}]}
                """));
    }

    @Test
    void content_of_the_wrong_shape_is_rejected_naming_the_member() {
        String body = """
                {"model":"m","messages":[{"role":"user","content":42}]}
                """;

        assertThatThrownBy(() -> Json.MAPPER.readValue(body, ChatCompletionRequest.class))
                .isInstanceOf(MismatchedInputException.class)
                .satisfies(e -> assertThat(((MismatchedInputException) e).getPathReference())
                        .contains("messages")
                        .contains("content"));
    }

    @Test
    void an_explicit_null_on_an_optional_request_member_reads_as_absent() throws Exception {
        ChatCompletionRequest request = Json.MAPPER.readValue("""
                {"model":"m","messages":[],"temperature":null,"vendor_flag":null}
                """, ChatCompletionRequest.class);

        assertThat(request.temperature()).isNull();
        assertSameJson(Json.written(request), Json.tree("""
                {"model":"m","messages":[],"vendor_flag":null}
                """));
    }
}
