package io.ponte.rag.core.retrieve;

import io.ponte.rag.core.Passage;
import io.ponte.rag.core.ScoredPassage;
import io.ponte.rag.spi.PassageIndex;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides whether the passages found cover the question or whether the honest answer is a refusal.
 *
 * <p>Similarity alone cannot tell: a question about something the documentation never mentions ("the CPU-hour quota
 * of a new project") still lands near passages on neighbouring topics (projects, quotas). What such passages lack
 * is the question's own distinctive words. So each returned passage's evidence is its similarity scaled by how much
 * of the question's wording it contains, each content word weighted by its rarity in the collection:
 * {@code similarity × (1 − w + w × coverage)}. A rare word the passage lacks (a product name, an identifier, a word
 * the collection never uses) costs much; a common one costs little. The best passage's evidence decides.
 *
 * <p>An Italian word that the glossary could not translate and that no passage contains is left out: it says more
 * about the glossary than about the documentation.
 *
 * <p>A name the question uses that no passage of the collection contains ({@code Loki}, {@code CPU-hour},
 * {@code Frascati}: see {@link Query#names()}) settles it: documentation that never names the thing asked about does
 * not cover the question, however close its neighbouring topics are.
 */
final class CoverageJudge {

    /**
     * The decision and what it rests on.
     *
     * @param covered whether to answer
     * @param evidence the best passage's evidence, compared with the configured least
     * @param similarity the question's similarity to its nearest passage
     * @param unknownNames the question's names that no passage contains
     */
    record Coverage(boolean covered, double evidence, double similarity, List<String> unknownNames) {}

    private final PassageIndex index;
    private final double minSimilarity;
    private final double minEvidence;
    private final double lexicalWeight;
    private final boolean refuseUnknownNames;

    CoverageJudge(
            PassageIndex index,
            double minSimilarity,
            double minEvidence,
            double lexicalWeight,
            boolean refuseUnknownNames) {
        this.index = index;
        this.minSimilarity = minSimilarity;
        this.minEvidence = minEvidence;
        this.lexicalWeight = lexicalWeight;
        this.refuseUnknownNames = refuseUnknownNames;
    }

    /**
     * @param passages the passages an answer would be written from, best first
     * @param nearest the vector search's hits for the question, nearest first: their scores are the passages'
     *     similarities; a passage it did not return is taken to be as similar as its last hit, no more
     */
    Coverage judge(String collection, Query query, List<RankedPassage> passages, List<ScoredPassage> nearest) {
        Map<String, Double> similarities = new HashMap<>();
        nearest.forEach(hit -> similarities.put(hit.passage().id(), hit.score()));
        double bound = nearest.isEmpty() ? 0 : nearest.get(nearest.size() - 1).score();
        double best = nearest.isEmpty() ? 0 : nearest.get(0).score();
        List<WeightedTerm> terms = weighted(collection, query);
        double evidence = 0;
        for (RankedPassage p : passages) {
            double similarity = similarities.getOrDefault(p.passage().id(), bound);
            double lexical = 1 - lexicalWeight + lexicalWeight * coverage(terms, p.passage());
            evidence = Math.max(evidence, similarity * lexical);
        }
        List<String> unknown = refuseUnknownNames ? unknownNames(collection, query) : List.of();
        boolean covered = best >= minSimilarity && evidence >= minEvidence && unknown.isEmpty();
        return new Coverage(covered, evidence, best, unknown);
    }

    private List<String> unknownNames(String collection, Query query) {
        return query.names().stream()
                .filter(name -> index.passagesContaining(collection, name) == 0)
                .toList();
    }

    /** A content word of the question and its weight, the inverse of how many passages contain it. */
    record WeightedTerm(Terms.Term term, double weight) {}

    List<WeightedTerm> weighted(String collection, Query query) {
        long passages = index.passageCount(collection);
        List<WeightedTerm> out = new ArrayList<>();
        for (Terms.Term term : Terms.of(query.english())) {
            long containing = index.passagesContaining(collection, term.word());
            if (containing == 0 && query.untranslated().contains(term.word())) {
                continue;
            }
            out.add(new WeightedTerm(term, idf(passages, containing)));
        }
        return out;
    }

    /** BM25's inverse document frequency: positive however common the word. */
    static double idf(long passages, long containing) {
        return Math.log(1 + (passages - containing + 0.5) / (containing + 0.5));
    }

    /** The share of the terms' weight that the passage (its text, headings and file path) contains; 1 without terms. */
    static double coverage(List<WeightedTerm> terms, Passage passage) {
        if (terms.isEmpty()) {
            return 1;
        }
        Set<String> keys = Terms.keys(passage.headingPath() + "\n" + passage.text() + "\n" + passage.file());
        double total = 0;
        double found = 0;
        for (WeightedTerm t : terms) {
            total += t.weight();
            if (Terms.contains(keys, t.term())) {
                found += t.weight();
            }
        }
        return found / total;
    }
}
