package io.ponte.cli.rag;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A question for the rag service.
 *
 * @param text the question
 * @param collection the collection to search; the service's default one when absent
 * @param source only passages of files whose path starts with this
 */
public record Question(String text, Optional<String> collection, Optional<String> source) {

    /** The body of {@code POST /rag/v1/chat}; what is absent is left out. */
    Map<String, Object> body(boolean stream) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("question", text);
        collection.ifPresent(c -> body.put("collection", c));
        source.ifPresent(s -> body.put("source", s));
        body.put("stream", stream);
        return body;
    }
}
