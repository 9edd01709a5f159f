package io.ponte.rag.adapter.openai;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import io.ponte.rag.config.RagConfig;
import io.ponte.rag.spi.LanguageModel;
import io.ponte.rag.spi.LanguageModelException;
import io.ponte.rag.spi.LanguageModels;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/** LangChain4j's OpenAI client pointed at {@code ponte.rag.llm.base-url}: the Ponte router, vLLM, any compatible server. */
@Singleton
class OpenAiLanguageModels implements LanguageModels {

    private final Optional<LanguageModel> model;

    OpenAiLanguageModels(RagConfig config) {
        RagConfig.LlmConfig llm = config.llm();
        model = llm.baseUrl().filter(u -> !u.isBlank()).map(url -> new Client(llm, url));
    }

    @Override
    public Optional<LanguageModel> configured() {
        return model;
    }

    /** One model; the key is handed to the client and never logged. */
    private static final class Client implements LanguageModel {

        private final OpenAiChatModel chat;
        private final OpenAiStreamingChatModel streaming;
        private final long timeoutMillis;

        Client(RagConfig.LlmConfig llm, String url) {
            String key = llm.apiKey().orElse("none");
            chat = OpenAiChatModel.builder()
                    .baseUrl(url)
                    .apiKey(key)
                    .modelName(llm.model())
                    .temperature(llm.temperature())
                    .timeout(llm.timeout())
                    .maxRetries(1)
                    .build();
            streaming = OpenAiStreamingChatModel.builder()
                    .baseUrl(url)
                    .apiKey(key)
                    .modelName(llm.model())
                    .temperature(llm.temperature())
                    .timeout(llm.timeout())
                    .build();
            timeoutMillis = llm.timeout().toMillis();
        }

        @Override
        public String complete(List<Turn> conversation) {
            return chat.chat(messages(conversation)).aiMessage().text();
        }

        @Override
        public String stream(List<Turn> conversation, Consumer<String> piece) {
            CompletableFuture<String> done = new CompletableFuture<>();
            streaming.chat(messages(conversation), new StreamingChatResponseHandler() {
                @Override
                public void onPartialResponse(String partial) {
                    piece.accept(partial);
                }

                @Override
                public void onCompleteResponse(ChatResponse response) {
                    done.complete(response.aiMessage().text());
                }

                @Override
                public void onError(Throwable error) {
                    done.completeExceptionally(error);
                }
            });
            try {
                return done.get(timeoutMillis, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LanguageModelException("interrupted while the model was answering", e);
            } catch (ExecutionException e) {
                throw new LanguageModelException(
                        "the language model failed: " + e.getCause().getMessage(), e);
            } catch (TimeoutException e) {
                throw new LanguageModelException(
                        "the language model did not answer within " + timeoutMillis + " ms", e);
            }
        }

        private static List<ChatMessage> messages(List<Turn> conversation) {
            return conversation.stream()
                    .<ChatMessage>map(t -> switch (t.role()) {
                        case SYSTEM -> SystemMessage.from(t.text());
                        case USER -> UserMessage.from(t.text());
                        case ASSISTANT -> AiMessage.from(t.text());
                    })
                    .toList();
        }
    }
}
