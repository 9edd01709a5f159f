package io.ponte.rag.core.answer;

import io.ponte.rag.core.Passage;
import io.ponte.rag.core.retrieve.Query;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * An answer without a language model: from each of the best passages, the sentences that share the most words
 * with the question, each with its source marker. Nothing is written that the documentation does not say.
 */
final class Extractive {

    static final int PASSAGES = 3;
    private static final int SENTENCES_PER_PASSAGE = 2;
    private static final int MAX_SENTENCE_CHARS = 400;
    private static final Set<String> IGNORED = Set.of(
            "the", "and", "for", "with", "which", "what", "how", "does", "that", "this", "are", "is", "can", "when",
            "where", "who", "from", "into", "its", "their", "there", "have", "has", "you", "your", "should", "would");

    private Extractive() {}

    static String answer(Query query, Sources sources) {
        Set<String> terms = terms(query.english() + " " + String.join(" ", query.identifiers()));
        StringBuilder out = new StringBuilder(
                "it".equals(query.language())
                        ? "Risposta estrattiva (nessun modello linguistico configurato): ecco cosa dice la documentazione.\n"
                        : "Extractive answer (no language model configured): this is what the documentation says.\n");
        int n = Math.min(PASSAGES, sources.size());
        for (int i = 1; i <= n; i++) {
            Passage p = sources.get(i);
            List<String> best = bestSentences(p.text(), terms);
            out.append("\n- ");
            if (!p.headings().isEmpty()) {
                out.append(p.headings().get(p.headings().size() - 1)).append(": ");
            }
            out.append(String.join(" ", best)).append(" [").append(i).append(']');
        }
        return out.toString();
    }

    private static List<String> bestSentences(String text, Set<String> terms) {
        List<String> sentences = sentences(text);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingInt((Integer i) -> -overlap(sentences.get(i), terms))
                .thenComparingInt(i -> i));
        List<Integer> chosen = new ArrayList<>(order.subList(0, Math.min(SENTENCES_PER_PASSAGE, order.size())));
        chosen.sort(Comparator.naturalOrder());
        return chosen.stream().map(sentences::get).toList();
    }

    private static int overlap(String sentence, Set<String> terms) {
        int hits = 0;
        for (String t : terms(sentence)) {
            if (terms.contains(t)) {
                hits++;
            }
        }
        return hits;
    }

    static List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        for (String line : text.split("\\n\\s*\\n|(?<=[.!?])\\s+(?=[A-Z`\"'(\\[])")) {
            String s = line.strip().replaceAll("\\s+", " ");
            if (s.isEmpty()) {
                continue;
            }
            out.add(s.length() <= MAX_SENTENCE_CHARS ? s : s.substring(0, MAX_SENTENCE_CHARS) + "…");
        }
        return out.isEmpty() ? List.of(text.strip()) : out;
    }

    static Set<String> terms(String text) {
        Set<String> out = new HashSet<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}_./-]+")) {
            String t = w.replaceAll("^[./-]+|[./-]+$", "");
            if (t.length() > 2 && !IGNORED.contains(t)) {
                out.add(t);
            }
        }
        return out;
    }
}
