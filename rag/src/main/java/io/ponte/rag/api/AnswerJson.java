package io.ponte.rag.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ponte.rag.core.answer.Answer;
import io.ponte.rag.core.answer.Citation;
import io.ponte.rag.core.retrieve.RankedPassage;
import java.util.List;
import java.util.Locale;

/** The JSON of an answer: text, mode, citations and the passages with their scores. */
final class AnswerJson {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private AnswerJson() {}

    static ObjectNode answer(String collection, Answer a) {
        ObjectNode out = JSON.objectNode();
        out.put("answer", a.text());
        out.put("mode", a.mode().name().toLowerCase(Locale.ROOT));
        out.put("collection", collection);
        out.put("language", a.retrieval().query().language());
        out.put("coverage", round(a.retrieval().coverage()));
        out.set("citations", citations(a.citations()));
        out.set("passages", passages(a.retrieval().passages()));
        return out;
    }

    static ArrayNode citations(List<Citation> citations) {
        ArrayNode out = JSON.arrayNode();
        for (Citation c : citations) {
            out.addObject()
                    .put("number", c.number())
                    .put("file", c.file())
                    .put("heading", c.heading())
                    .put("lines", c.startLine() + "-" + c.endLine())
                    .put("snippet", c.snippet());
        }
        return out;
    }

    static ArrayNode passages(List<RankedPassage> passages) {
        ArrayNode out = JSON.arrayNode();
        for (int i = 0; i < passages.size(); i++) {
            RankedPassage p = passages.get(i);
            ObjectNode n = out.addObject()
                    .put("rank", i + 1)
                    .put("file", p.passage().file())
                    .put("heading", p.passage().headingPath())
                    .put("lines", p.passage().startLine() + "-" + p.passage().endLine())
                    .put("score", round(p.score()));
            if (!Double.isNaN(p.similarity())) {
                n.put("similarity", round(p.similarity()));
            }
            p.keywordRank().ifPresent(r -> n.put("keywordRank", r));
            p.vectorRank().ifPresent(r -> n.put("vectorRank", r));
            n.put("text", p.passage().text());
        }
        return out;
    }

    /** Source lines appended to an answer for clients that only show text (the OpenAI facade). */
    static String sourcesText(List<Citation> citations) {
        if (citations.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("\n\nSources:");
        for (Citation c : citations) {
            out.append("\n[").append(c.number()).append("] ").append(c.file());
            if (!c.heading().isEmpty()) {
                out.append(" § ").append(c.heading());
            }
            out.append(" (lines ")
                    .append(c.startLine())
                    .append('-')
                    .append(c.endLine())
                    .append(')');
        }
        return out.toString();
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
