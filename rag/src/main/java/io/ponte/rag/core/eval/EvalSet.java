package io.ponte.rag.core.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ponte.rag.core.RagException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an evaluation set in JSON Lines: one object per line with {@code id}, {@code question},
 * {@code source_files} (gold files; empty for a question the documentation does not cover), {@code language} and
 * optionally {@code answer}. A malformed line is an error naming the line.
 */
public final class EvalSet {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EvalSet() {}

    public static List<EvalQuestion> parse(String jsonl) {
        List<EvalQuestion> out = new ArrayList<>();
        String[] lines = jsonl.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            String where = "line " + (i + 1);
            JsonNode n;
            try {
                n = JSON.readTree(line);
            } catch (IOException e) {
                throw RagException.invalid("qa", where + " is not JSON");
            }
            if (!n.path("question").isTextual() || n.path("question").asText().isBlank()) {
                throw RagException.invalid("qa", where + " has no question");
            }
            if (!n.path("source_files").isArray()) {
                throw RagException.invalid("qa", where + " has no source_files array (empty for unanswerable)");
            }
            List<String> gold = new ArrayList<>();
            n.path("source_files").forEach(f -> gold.add(f.asText()));
            out.add(new EvalQuestion(
                    n.path("id").asText("q" + (i + 1)),
                    n.path("question").asText(),
                    List.copyOf(gold),
                    n.path("language").asText("en"),
                    n.path("answer").asText("")));
        }
        if (out.isEmpty()) {
            throw RagException.invalid("qa", "the evaluation set has no questions");
        }
        return out;
    }
}
