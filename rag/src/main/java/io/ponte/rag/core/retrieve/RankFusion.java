package io.ponte.rag.core.retrieve;

import io.ponte.rag.core.Passage;
import io.ponte.rag.core.ScoredPassage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Fuses the keyword lists and the vector list into one ranking, each list weighted. A passage that one list does
 * not hold is given that list's last score (or rank): the list's cut says it is no better than that, and counting
 * it as zero would let a passage that only one retriever saw sink below ones that both saw poorly.
 *
 * <p>{@link #scores} adds the vector list's cosine similarities (absolute, comparable across questions) and each
 * keyword list's BM25 scores divided by its best (BM25 has no fixed scale). {@link #ranks} is reciprocal rank
 * fusion, {@code weight / (k + rank)}, for when scores are not to be trusted.
 */
final class RankFusion {

    private RankFusion() {}

    /** One retriever's ranking, best first, and its weight in the fusion. */
    record Ranking(List<ScoredPassage> hits, boolean vector, double weight) {}

    static List<RankedPassage> scores(List<Ranking> rankings) {
        return fuse(rankings, (ranking, i) -> {
            List<ScoredPassage> hits = ranking.hits();
            double score = hits.get(Math.min(i, hits.size() - 1)).score();
            return ranking.vector() ? score : score / Math.max(hits.get(0).score(), Double.MIN_VALUE);
        });
    }

    static List<RankedPassage> ranks(List<Ranking> rankings, int k) {
        return fuse(
                rankings, (ranking, i) -> 1.0 / (k + Math.min(i, ranking.hits().size()) + 1));
    }

    /** What list {@code ranking} gives the passage at index {@code i}; {@code i} is past the end when it lacks it. */
    private interface Contribution {
        double of(Ranking ranking, int i);
    }

    private static List<RankedPassage> fuse(List<Ranking> rankings, Contribution contribution) {
        Map<String, Acc> byId = new LinkedHashMap<>();
        for (int r = 0; r < rankings.size(); r++) {
            Ranking ranking = rankings.get(r);
            for (int i = 0; i < ranking.hits().size(); i++) {
                ScoredPassage hit = ranking.hits().get(i);
                Acc acc = byId.computeIfAbsent(hit.passage().id(), id -> new Acc(hit.passage(), rankings.size()));
                if (acc.index[r] < 0) {
                    acc.index[r] = i;
                }
                if (ranking.vector()) {
                    acc.vectorRank = Math.min(acc.vectorRank, i + 1);
                    acc.similarity = Double.isNaN(acc.similarity) ? hit.score() : Math.max(acc.similarity, hit.score());
                } else {
                    acc.keywordRank = Math.min(acc.keywordRank, i + 1);
                }
            }
        }
        List<RankedPassage> out = new ArrayList<>(byId.size());
        for (Acc a : byId.values()) {
            out.add(new RankedPassage(
                    a.passage,
                    a.score(rankings, contribution),
                    a.keywordRank == Integer.MAX_VALUE ? OptionalInt.empty() : OptionalInt.of(a.keywordRank),
                    a.vectorRank == Integer.MAX_VALUE ? OptionalInt.empty() : OptionalInt.of(a.vectorRank),
                    a.similarity));
        }
        out.sort(Comparator.comparingDouble(RankedPassage::score).reversed());
        return out;
    }

    private static final class Acc {
        final Passage passage;
        /** Per ranking, the passage's index in it; -1 when it is not there. */
        final int[] index;

        int keywordRank = Integer.MAX_VALUE;
        int vectorRank = Integer.MAX_VALUE;
        double similarity = Double.NaN;

        Acc(Passage passage, int rankings) {
            this.passage = passage;
            this.index = new int[rankings];
            Arrays.fill(index, -1);
        }

        /**
         * The weighted sum over the vector list and the keyword lists; of several keyword lists (one per wording of
         * the question) the best counts, since they are the same retriever asked twice.
         */
        double score(List<Ranking> rankings, Contribution contribution) {
            double vector = 0;
            double keyword = 0;
            for (int r = 0; r < rankings.size(); r++) {
                Ranking ranking = rankings.get(r);
                if (ranking.hits().isEmpty()) {
                    continue;
                }
                int i = index[r] < 0 ? ranking.hits().size() : index[r];
                double value = ranking.weight() * contribution.of(ranking, i);
                if (ranking.vector()) {
                    vector += value;
                } else if (value > keyword) {
                    keyword = value;
                }
            }
            return vector + keyword;
        }
    }
}
