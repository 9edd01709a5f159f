package io.ponte.rag.core.eval;

import java.util.List;
import java.util.Set;

/**
 * File-level ranking metrics of one question: the ranking is the distinct files of the retrieved passages, best
 * first; relevance is binary (a gold file or not).
 */
public final class RankingMetrics {

    private RankingMetrics() {}

    /** The share of gold files found in the first {@code k}. */
    public static double recallAt(List<String> ranking, Set<String> gold, int k) {
        if (gold.isEmpty()) {
            return 0;
        }
        long found = ranking.stream().limit(k).filter(gold::contains).count();
        return (double) found / gold.size();
    }

    /** 1 / rank of the first gold file within the first {@code k}, else 0. */
    public static double reciprocalRankAt(List<String> ranking, Set<String> gold, int k) {
        for (int i = 0; i < Math.min(k, ranking.size()); i++) {
            if (gold.contains(ranking.get(i))) {
                return 1.0 / (i + 1);
            }
        }
        return 0;
    }

    /** Normalised discounted cumulative gain over the first {@code k}, binary gains. */
    public static double ndcgAt(List<String> ranking, Set<String> gold, int k) {
        double dcg = 0;
        for (int i = 0; i < Math.min(k, ranking.size()); i++) {
            if (gold.contains(ranking.get(i))) {
                dcg += 1 / log2(i + 2);
            }
        }
        double ideal = 0;
        for (int i = 0; i < Math.min(k, gold.size()); i++) {
            ideal += 1 / log2(i + 2);
        }
        return ideal == 0 ? 0 : dcg / ideal;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
