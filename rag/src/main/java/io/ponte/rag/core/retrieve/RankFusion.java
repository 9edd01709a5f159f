package io.ponte.rag.core.retrieve;

import io.ponte.rag.core.Passage;
import io.ponte.rag.core.ScoredPassage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Reciprocal rank fusion: each list gives a passage {@code 1 / (k + rank)}; the sums order the result. Scores
 * from different retrievers are not comparable, ranks are, which is why fusion works on ranks.
 */
final class RankFusion {

    private RankFusion() {}

    /** One retriever's ranking and whether it is a keyword or a vector list. */
    record Ranking(List<ScoredPassage> hits, boolean vector) {}

    static List<RankedPassage> fuse(List<Ranking> rankings, int k) {
        Map<String, Acc> byId = new LinkedHashMap<>();
        for (Ranking ranking : rankings) {
            for (int i = 0; i < ranking.hits().size(); i++) {
                ScoredPassage hit = ranking.hits().get(i);
                Acc acc = byId.computeIfAbsent(hit.passage().id(), id -> new Acc(hit.passage()));
                acc.score += 1.0 / (k + i + 1);
                if (ranking.vector()) {
                    acc.vectorRank = Math.min(acc.vectorRank, i + 1);
                    acc.similarity = Double.isNaN(acc.similarity) ? hit.score() : Math.max(acc.similarity, hit.score());
                } else {
                    acc.keywordRank = Math.min(acc.keywordRank, i + 1);
                }
            }
        }
        List<RankedPassage> out = new ArrayList<>();
        for (Acc a : byId.values()) {
            out.add(new RankedPassage(
                    a.passage,
                    a.score,
                    a.keywordRank == Integer.MAX_VALUE ? OptionalInt.empty() : OptionalInt.of(a.keywordRank),
                    a.vectorRank == Integer.MAX_VALUE ? OptionalInt.empty() : OptionalInt.of(a.vectorRank),
                    a.similarity));
        }
        out.sort(Comparator.comparingDouble(RankedPassage::score).reversed());
        return out;
    }

    private static final class Acc {
        final Passage passage;
        double score;
        int keywordRank = Integer.MAX_VALUE;
        int vectorRank = Integer.MAX_VALUE;
        double similarity = Double.NaN;

        Acc(Passage passage) {
            this.passage = passage;
        }
    }
}
