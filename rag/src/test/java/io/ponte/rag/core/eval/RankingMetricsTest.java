package io.ponte.rag.core.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The metrics on toy rankings whose values are worked out by hand in the comments. */
class RankingMetricsTest {

    private static final List<String> RANKING = List.of("a", "b", "c", "d", "e", "f");

    @Test
    void recall_counts_gold_files_within_the_cut() {
        // gold {c, x}: c is 3rd, x never appears -> recall@1 = 0, recall@5 = 1/2
        assertThat(RankingMetrics.recallAt(RANKING, Set.of("c", "x"), 1)).isZero();
        assertThat(RankingMetrics.recallAt(RANKING, Set.of("c", "x"), 5)).isEqualTo(0.5);
        assertThat(RankingMetrics.recallAt(RANKING, Set.of("a"), 1)).isEqualTo(1.0);
    }

    @Test
    void reciprocal_rank_is_one_over_the_first_gold_position() {
        // first gold (c) at rank 3 -> 1/3; a gold file below the cut counts 0
        assertThat(RankingMetrics.reciprocalRankAt(RANKING, Set.of("c", "e"), 10))
                .isEqualTo(1.0 / 3);
        assertThat(RankingMetrics.reciprocalRankAt(RANKING, Set.of("f"), 5)).isZero();
    }

    @Test
    void ndcg_discounts_by_log_of_the_position() {
        // gold {b, d}: DCG = 1/log2(3) + 1/log2(5) = 0.6309 + 0.4307 = 1.0616
        // ideal: 1/log2(2) + 1/log2(3) = 1 + 0.6309 = 1.6309 -> nDCG = 0.6509
        assertThat(RankingMetrics.ndcgAt(RANKING, Set.of("b", "d"), 10)).isCloseTo(0.6509, within(1e-4));
        assertThat(RankingMetrics.ndcgAt(RANKING, Set.of("a"), 10)).isEqualTo(1.0);
        assertThat(RankingMetrics.ndcgAt(RANKING, Set.of("z"), 10)).isZero();
    }

    @Test
    void scores_average_answerable_questions_and_count_refusals_separately() {
        var results = List.of(
                new QuestionResult("q1", "en", List.of("a"), List.of("a", "b"), false, 0.8),
                new QuestionResult("q2", "it", List.of("b"), List.of("a", "b"), true, 0.2),
                new QuestionResult("q3", "en", List.of(), List.of("a"), true, 0.1),
                new QuestionResult("q4", "en", List.of(), List.of("a"), false, 0.5));

        Scores s = Evaluator.score(results);

        // recall@1: q1 = 1, q2 = 0 -> 0.5; MRR: (1 + 1/2) / 2 = 0.75
        assertThat(s.questions()).isEqualTo(2);
        assertThat(s.recallAt1()).isEqualTo(0.5);
        assertThat(s.recallAt5()).isEqualTo(1.0);
        assertThat(s.mrrAt10()).isEqualTo(0.75);
        // one of two unanswerable refused; one of two answerable wrongly refused
        assertThat(s.unanswerable()).isEqualTo(2);
        assertThat(s.refusalAccuracy()).isEqualTo(0.5);
        assertThat(s.falseRefusalRate()).isEqualTo(0.5);
    }
}
