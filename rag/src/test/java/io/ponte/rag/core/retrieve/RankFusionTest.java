package io.ponte.rag.core.retrieve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ponte.rag.core.Passage;
import io.ponte.rag.core.ScoredPassage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Fusion on small lists whose fused scores are worked out by hand in the comments. */
class RankFusionTest {

    @Test
    void scores_add_the_weighted_similarity_and_the_keyword_score_relative_to_the_best() {
        // keyword: a 10 (→ 1.0), b 5 (→ 0.5); vector: b 0.8, a 0.4
        // a = 0.6 × 0.4 + 0.4 × 1.0 = 0.64; b = 0.6 × 0.8 + 0.4 × 0.5 = 0.68
        List<RankedPassage> fused = RankFusion.scores(
                List.of(keyword(0.4, hit("a", 10), hit("b", 5)), vector(0.6, hit("b", 0.8), hit("a", 0.4))));

        assertThat(ids(fused)).containsExactly("b", "a");
        assertThat(fused.get(0).score()).isCloseTo(0.68, within(1e-9));
        assertThat(fused.get(1).score()).isCloseTo(0.64, within(1e-9));
        assertThat(fused.get(0).similarity()).isEqualTo(0.8);
        assertThat(fused.get(0).keywordRank()).hasValue(2);
        assertThat(fused.get(0).vectorRank()).hasValue(1);
    }

    @Test
    void the_weight_decides_between_the_lists() {
        List<ScoredPassage> words = List.of(hit("a", 10), hit("b", 5));
        List<ScoredPassage> meaning = List.of(hit("b", 0.8), hit("a", 0.4));

        assertThat(ids(RankFusion.scores(List.of(keyword(1, words), vector(0, meaning)))))
                .startsWith("a");
        assertThat(ids(RankFusion.scores(List.of(keyword(0, words), vector(1, meaning)))))
                .startsWith("b");
    }

    @Test
    void bm25_scale_does_not_matter_only_its_proportions() {
        List<RankedPassage> small = RankFusion.scores(
                List.of(keyword(0.5, hit("a", 3), hit("b", 2)), vector(0.5, hit("b", 0.7), hit("a", 0.6))));
        List<RankedPassage> large = RankFusion.scores(
                List.of(keyword(0.5, hit("a", 30), hit("b", 20)), vector(0.5, hit("b", 0.7), hit("a", 0.6))));

        assertThat(ids(large)).isEqualTo(ids(small));
        assertThat(large.get(0).score()).isCloseTo(small.get(0).score(), within(1e-9));
    }

    @Test
    void a_passage_a_list_lacks_scores_that_lists_last_not_zero() {
        // keyword: a 10 (→ 1.0), b 6 (→ 0.6); vector: c 0.9, b 0.5, d 0.3
        // c lacks a keyword score: the keyword list's last, 0.6, stands in → 0.45 + 0.3 = 0.75
        // a lacks a similarity: the vector list's last, 0.3, stands in → 0.15 + 0.5 = 0.65
        // b = 0.25 + 0.3 = 0.55; d = 0.15 + 0.3 = 0.45. Counting the gaps as zero would put b above a.
        List<RankedPassage> fused = RankFusion.scores(List.of(
                keyword(0.5, hit("a", 10), hit("b", 6)), vector(0.5, hit("c", 0.9), hit("b", 0.5), hit("d", 0.3))));

        assertThat(ids(fused)).containsExactly("c", "a", "b", "d");
        assertThat(score(fused, "c")).isCloseTo(0.75, within(1e-9));
        assertThat(score(fused, "a")).isCloseTo(0.65, within(1e-9));
        assertThat(score(fused, "b")).isCloseTo(0.55, within(1e-9));
        assertThat(score(fused, "d")).isCloseTo(0.45, within(1e-9));
        assertThat(fused.get(1).similarity()).isNaN();
        assertThat(fused.get(1).vectorRank()).isEmpty();
    }

    @Test
    void of_two_keyword_lists_the_better_counts_not_both() {
        // the same retriever asked with two wordings: a passage both find is not counted twice
        List<RankedPassage> fused = RankFusion.scores(List.of(
                keyword(0.4, hit("a", 10), hit("b", 8)),
                keyword(0.2, hit("b", 9), hit("a", 3)),
                vector(0.6, hit("a", 0.5), hit("b", 0.5))));

        // a: 0.3 + max(0.4 × 1.0, 0.2 × 3/9) = 0.7; b: 0.3 + max(0.4 × 0.8, 0.2 × 1.0) = 0.62
        assertThat(score(fused, "a")).isCloseTo(0.7, within(1e-9));
        assertThat(score(fused, "b")).isCloseTo(0.62, within(1e-9));
    }

    @Test
    void ranks_are_weighted_reciprocal_ranks() {
        // k = 10; a: 1 × 1/11 + 2 × 1/12; b: 1 × 1/12 + 2 × 1/11; c (vector only, keyword list has 2): 1/13 + 2/13
        List<RankedPassage> fused = RankFusion.ranks(
                List.of(keyword(1, hit("a", 9), hit("b", 8)), vector(2, hit("b", 0.9), hit("a", 0.8), hit("c", 0.7))),
                10);

        assertThat(ids(fused)).containsExactly("b", "a", "c");
        assertThat(score(fused, "b")).isCloseTo(1.0 / 12 + 2.0 / 11, within(1e-12));
        assertThat(score(fused, "c")).isCloseTo(1.0 / 13 + 2.0 / 13, within(1e-12));
    }

    @Test
    void an_empty_list_adds_nothing() {
        List<RankedPassage> fused = RankFusion.scores(List.of(keyword(0.4), vector(0.6, hit("a", 0.5))));

        assertThat(fused).singleElement().satisfies(p -> assertThat(p.score()).isCloseTo(0.3, within(1e-9)));
    }

    private static RankFusion.Ranking keyword(double weight, ScoredPassage... hits) {
        return keyword(weight, List.of(hits));
    }

    private static RankFusion.Ranking keyword(double weight, List<ScoredPassage> hits) {
        return new RankFusion.Ranking(hits, false, weight);
    }

    private static RankFusion.Ranking vector(double weight, ScoredPassage... hits) {
        return vector(weight, List.of(hits));
    }

    private static RankFusion.Ranking vector(double weight, List<ScoredPassage> hits) {
        return new RankFusion.Ranking(hits, true, weight);
    }

    static ScoredPassage hit(String id, double score) {
        return new ScoredPassage(new Passage(id, "docs", id + ".md", List.of(), 1, 1, "text of " + id), score);
    }

    private static List<String> ids(List<RankedPassage> ranked) {
        List<String> out = new ArrayList<>();
        ranked.forEach(p -> out.add(p.passage().id()));
        return out;
    }

    private static double score(List<RankedPassage> ranked, String id) {
        return ranked.stream()
                .filter(p -> p.passage().id().equals(id))
                .findFirst()
                .orElseThrow()
                .score();
    }
}
