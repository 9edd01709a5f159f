package io.ponte.bench.rag;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One line of the development set ({@code rag-dev.jsonl}): the question, its language, and the line itself (the body
 * of a one-question evaluation request).
 */
record DevQuestion(String id, String question, String language, String line) {

    static List<DevQuestion> load(Path file) throws IOException {
        return Files.readAllLines(file).stream()
                .filter(l -> !l.isBlank())
                .map(l -> {
                    JsonObject o = new JsonObject(l);
                    return new DevQuestion(
                            o.getString("id", ""), o.getString("question"), o.getString("language", "en"), l);
                })
                .toList();
    }
}
