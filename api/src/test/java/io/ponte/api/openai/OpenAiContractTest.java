package io.ponte.api.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.ponte.api.testing.ApiTypes;
import io.ponte.api.testing.Json;
import io.ponte.api.testing.OpenApiContract;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks every OpenAI wire type's member names against {@code openai-openapi.yaml} in {@code
 * ../shared/contracts}; skipped when that file is not there.
 */
class OpenAiContractTest {

    /** Each JSON-object wire type and the schemas it implements. */
    private static final Map<Class<?>, List<String>> SCHEMAS = Map.ofEntries(
            Map.entry(ChatCompletionRequest.class, List.of("CreateChatCompletionRequest")),
            Map.entry(ChatMessage.class, List.of("ChatCompletionRequestMessage")),
            Map.entry(
                    ContentPart.class,
                    List.of(
                            "ChatCompletionRequestMessageContentPartText",
                            "ChatCompletionRequestMessageContentPartImage")),
            Map.entry(ImageUrl.class, List.of("ChatCompletionRequestMessageContentPartImage.image_url")),
            Map.entry(Tool.class, List.of("ChatCompletionTool")),
            Map.entry(FunctionDefinition.class, List.of("FunctionObject")),
            Map.entry(ToolCall.class, List.of("ChatCompletionMessageToolCall", "ChatCompletionMessageToolCallChunk")),
            Map.entry(
                    FunctionCall.class,
                    List.of("ChatCompletionMessageToolCall.function", "ChatCompletionMessageToolCallChunk.function")),
            Map.entry(ResponseFormat.class, List.of("CreateChatCompletionRequest.response_format")),
            Map.entry(StreamOptions.class, List.of("ChatCompletionStreamOptions")),
            Map.entry(ChatCompletionResponse.class, List.of("CreateChatCompletionResponse")),
            Map.entry(ChatChoice.class, List.of("CreateChatCompletionResponse.choices[]")),
            Map.entry(ChatResponseMessage.class, List.of("ChatCompletionResponseMessage")),
            Map.entry(
                    ChatLogprobs.class,
                    List.of(
                            "CreateChatCompletionResponse.choices[].logprobs",
                            "CreateChatCompletionStreamResponse.choices[].logprobs")),
            Map.entry(TokenLogprob.class, List.of("ChatCompletionTokenLogprob")),
            Map.entry(TopLogprob.class, List.of("ChatCompletionTokenLogprob.top_logprobs[]")),
            Map.entry(ChatCompletionChunk.class, List.of("CreateChatCompletionStreamResponse")),
            Map.entry(ChunkChoice.class, List.of("CreateChatCompletionStreamResponse.choices[]")),
            Map.entry(ChatDelta.class, List.of("ChatCompletionStreamResponseDelta")),
            Map.entry(CompletionRequest.class, List.of("CreateCompletionRequest")),
            Map.entry(CompletionResponse.class, List.of("CreateCompletionResponse")),
            Map.entry(CompletionChoice.class, List.of("CreateCompletionResponse.choices[]")),
            Map.entry(CompletionLogprobs.class, List.of("CreateCompletionResponse.choices[].logprobs")),
            Map.entry(EmbeddingRequest.class, List.of("CreateEmbeddingRequest")),
            Map.entry(EmbeddingResponse.class, List.of("CreateEmbeddingResponse")),
            Map.entry(Embedding.class, List.of("Embedding")),
            Map.entry(Usage.class, List.of("CompletionUsage", "CreateEmbeddingResponse.usage")),
            Map.entry(PromptTokensDetails.class, List.of("CompletionUsage.prompt_tokens_details")),
            Map.entry(CompletionTokensDetails.class, List.of("CompletionUsage.completion_tokens_details")),
            Map.entry(ModelList.class, List.of("ListModelsResponse")),
            Map.entry(Model.class, List.of("Model")),
            Map.entry(ErrorEnvelope.class, List.of("ErrorResponse")),
            Map.entry(ErrorDetail.class, List.of("Error")));

    private static OpenApiContract contract;

    @BeforeAll
    static void loadContract() {
        Optional<OpenApiContract> loaded = OpenApiContract.load("openai-openapi.yaml");
        assumeTrue(loaded.isPresent(), "openai-openapi.yaml is not readable under ponte.shared.dir");
        contract = loaded.get();
    }

    @Test
    void every_wire_type_uses_only_member_names_of_its_schemas_and_models_their_required_members() {
        List<String> problems = new ArrayList<>();
        SCHEMAS.forEach((type, paths) -> problems.addAll(contract.mismatches(Json.MAPPER, type, paths)));

        assertThat(problems).isEmpty();
    }

    @Test
    void every_json_object_type_of_the_package_is_checked() {
        assertThat(ApiTypes.jsonObjectRecords(Json.MAPPER, ChatCompletionRequest.class))
                .containsExactlyInAnyOrderElementsOf(SCHEMAS.keySet());
    }

    @Test
    void a_misspelled_member_name_is_reported() {
        List<String> problems =
                contract.mismatches(Json.MAPPER, MisspelledRequest.class, List.of("CreateChatCompletionRequest"));

        assertThat(problems).containsExactly("MisspelledRequest.max_token is not in [CreateChatCompletionRequest]");
    }

    @Test
    void a_missing_required_member_is_reported() {
        List<String> problems = contract.mismatches(Json.MAPPER, MisspelledRequest.class, List.of("Model"));

        assertThat(problems)
                .contains(
                        "MisspelledRequest lacks required owned_by of [Model]",
                        "MisspelledRequest.max_token is not in [Model]");
    }

    /** A request type with a typo, to prove the check catches it. */
    record MisspelledRequest(
            String model,
            List<ChatMessage> messages,
            @JsonProperty("max_token") Integer maxTokens) {}
}
