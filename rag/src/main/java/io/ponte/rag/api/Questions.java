package io.ponte.rag.api;

import io.ponte.rag.core.RagException;
import io.ponte.rag.spi.LanguageModel;
import io.ponte.rag.spi.PassageIndex;
import java.util.ArrayList;
import java.util.List;

/** Checks what a chat request asks before any work is done. */
final class Questions {

    static final int MAX_CHARS = 4000;

    private Questions() {}

    static String question(String question) {
        if (question == null || question.isBlank()) {
            throw RagException.invalid("question", "question is required and must not be blank");
        }
        if (question.length() > MAX_CHARS) {
            throw RagException.invalid(
                    "question",
                    "question has " + question.length() + " characters; at most " + MAX_CHARS + " are accepted");
        }
        return question.strip();
    }

    static String collection(PassageIndex index, String collection) {
        if (!index.collections().contains(collection)) {
            throw RagException.notFound(
                    "collection",
                    "no collection '" + collection + "'; collections: "
                            + index.collections().stream().sorted().toList());
        }
        return collection;
    }

    static List<LanguageModel.Turn> history(List<ChatRequest.Turn> turns) {
        List<LanguageModel.Turn> out = new ArrayList<>();
        if (turns == null) {
            return out;
        }
        for (int i = 0; i < turns.size(); i++) {
            ChatRequest.Turn t = turns.get(i);
            String field = "history[" + i + "]";
            if (t == null || t.content() == null || t.role() == null) {
                throw RagException.invalid(field, field + " needs a role and a content");
            }
            LanguageModel.Role role = switch (t.role()) {
                case "user" -> LanguageModel.Role.USER;
                case "assistant" -> LanguageModel.Role.ASSISTANT;
                default ->
                    throw RagException.invalid(
                            field + ".role", field + ".role must be user or assistant, not '" + t.role() + "'");
            };
            out.add(new LanguageModel.Turn(role, t.content()));
        }
        return out;
    }
}
