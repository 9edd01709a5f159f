package io.ponte.rag.core.retrieve;

import io.ponte.rag.spi.Embedder;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the best fused candidates sentence by sentence. A passage is embedded whole, so one sentence that answers
 * the question is diluted by its neighbours; embedding each sentence (with the passage's heading path, which gives
 * it its topic) and keeping the best finds it. The candidates' similarities become the best of the passage's and
 * its best sentence's, and fusion is run again on them.
 */
@ApplicationScoped
public class Reranker {

    private static final int MAX_SENTENCES = 6;
    private static final int MAX_SENTENCE_CHARS = 200;
    private static final int MIN_SENTENCE_CHARS = 12;

    private final Embedder embedder;

    public Reranker(Embedder embedder) {
        this.embedder = embedder;
    }

    /** Passage id → the similarity of its best sentence to the question, for passages of more than one sentence. */
    Map<String, Double> bestSentences(float[] question, List<RankedPassage> candidates) {
        List<String> texts = new ArrayList<>();
        List<String> owners = new ArrayList<>();
        for (RankedPassage p : candidates) {
            List<String> sentences = sentences(p.passage().text());
            if (sentences.size() < 2) {
                continue;
            }
            String heading = p.passage().headingPath();
            for (String s : sentences) {
                texts.add(heading.isEmpty() ? s : heading + ": " + s);
                owners.add(p.passage().id());
            }
        }
        Map<String, Double> best = new HashMap<>();
        List<float[]> vectors = embedder.embedAll(texts);
        for (int i = 0; i < vectors.size(); i++) {
            best.merge(owners.get(i), dot(question, vectors.get(i)), Math::max);
        }
        return best;
    }

    /** Paragraphs and sentences, each trimmed to a length worth embedding; at most {@value #MAX_SENTENCES}. */
    static List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        for (String piece : text.split("\\n\\s*\\n|(?<=[.!?:])\\s+(?=[A-Z`\"'(\\[*-])|\\n(?=\\s*[-*] )")) {
            String s = piece.strip().replaceAll("\\s+", " ");
            if (s.length() >= MIN_SENTENCE_CHARS) {
                out.add(s.length() <= MAX_SENTENCE_CHARS ? s : s.substring(0, MAX_SENTENCE_CHARS));
            }
            if (out.size() == MAX_SENTENCES) {
                break;
            }
        }
        return out;
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
