package io.ponte.rag.core.retrieve;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Re-orders fused candidates with evidence fusion cannot see: an identifier of the question appearing verbatim in
 * the passage, the question's words in the passage's headings and file path, and the passage's own similarity.
 */
@ApplicationScoped
public class Reranker {

    public List<RankedPassage> rerank(Query query, float[] questionVector, List<RankedPassage> fused) {
        List<RankedPassage> out = new ArrayList<>(fused.size());
        for (RankedPassage p : fused) {
            out.add(new RankedPassage(
                    p.passage(), p.score() + bonus(query, p), p.keywordRank(), p.vectorRank(), p.similarity()));
        }
        out.sort(Comparator.comparingDouble(RankedPassage::score).reversed());
        return out;
    }

    private static double bonus(Query query, RankedPassage p) {
        double bonus = 0;
        String text = p.passage().text();
        for (String id : query.identifiers()) {
            if (text.contains(id)) {
                bonus += 0.01;
            }
        }
        String where = (p.passage().headingPath() + " " + p.passage().file()).toLowerCase(Locale.ROOT);
        for (String word : query.english().toLowerCase(Locale.ROOT).split("\\W+")) {
            if (word.length() > 4 && where.contains(word)) {
                bonus += 0.003;
            }
        }
        if (!Double.isNaN(p.similarity())) {
            bonus += 0.01 * p.similarity();
        }
        return bonus;
    }
}
