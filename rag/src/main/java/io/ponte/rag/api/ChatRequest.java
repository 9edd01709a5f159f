package io.ponte.rag.api;

import java.util.List;

/**
 * {@code POST /rag/v1/chat}.
 *
 * @param question what to answer (1 to 4,000 characters)
 * @param collection which collection to search; the default one when absent
 * @param history earlier turns of the conversation, oldest first
 * @param stream answer as server-sent events
 * @param source only search files whose path starts with this
 */
public record ChatRequest(String question, String collection, List<Turn> history, Boolean stream, String source) {

    /** One earlier turn: role {@code user} or {@code assistant}. */
    public record Turn(String role, String content) {}
}
