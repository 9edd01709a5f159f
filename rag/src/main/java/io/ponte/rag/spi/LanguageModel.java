package io.ponte.rag.spi;

import java.util.List;
import java.util.function.Consumer;

/** A chat model behind an OpenAI-compatible endpoint; absent when none is configured. */
public interface LanguageModel {

    /** One turn of the conversation sent to the model. */
    record Turn(Role role, String text) {}

    enum Role {
        SYSTEM,
        USER,
        ASSISTANT
    }

    /** The whole reply. */
    String complete(List<Turn> conversation);

    /** The reply piece by piece as the model writes it; returns the whole reply when it ends. */
    String stream(List<Turn> conversation, Consumer<String> piece);
}
