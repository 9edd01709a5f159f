package io.ponte.rag.core.retrieve;

import static org.assertj.core.api.Assertions.assertThat;

import io.ponte.rag.adapter.onnx.MiniLmEmbedder;
import io.ponte.rag.core.Passage;
import io.ponte.rag.core.ScoredPassage;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class RerankerTest {

    private static final MiniLmEmbedder EMBEDDER = new MiniLmEmbedder();

    private final Reranker reranker = new Reranker(EMBEDDER);

    @Test
    void the_answering_sentence_of_a_long_passage_is_closer_than_the_passage() {
        String text = "This project is licensed under the Apache License 2.0. The governance is described in the"
                + " GOVERNANCE file of the repository. Maintainers meet every second week.\n\n- **Shared"
                + " filesystems**: the only volumes supported are Secret, ConfigMap and EmptyDir.";
        RankedPassage passage = ranked(new Passage("lim.md#0", "docs", "lim.md", List.of("Limitations"), 1, 9, text));
        float[] question = EMBEDDER.embed("Which volume types can be mounted in offloaded containers?");
        double whole = dot(question, EMBEDDER.embed("Limitations\n" + text));

        Map<String, Double> best = reranker.bestSentences(question, List.of(passage));

        assertThat(best).containsOnlyKeys("lim.md#0");
        assertThat(best.get("lim.md#0")).isGreaterThan(whole + 0.05);
    }

    @Test
    void a_passage_of_one_sentence_is_not_read_again() {
        RankedPassage one = ranked(new Passage("a.md#0", "docs", "a.md", List.of(), 1, 1, "Port 8443 serves HTTPS."));

        assertThat(reranker.bestSentences(EMBEDDER.embed("https port"), List.of(one)))
                .isEmpty();
    }

    @Test
    void sentences_are_split_at_paragraphs_sentence_ends_and_list_items() {
        assertThat(Reranker.sentences("First sentence here. Second one follows!\n\nA paragraph.\n- an item in a list"
                        + "\n- another item in it"))
                .containsExactly(
                        "First sentence here.",
                        "Second one follows!",
                        "A paragraph.",
                        "- an item in a list",
                        "- another item in it");
    }

    @Test
    void sharpening_raises_similarities_to_the_best_sentence_and_resorts_the_vector_list() {
        List<ScoredPassage> nearest = List.of(RankFusionTest.hit("a", 0.7), RankFusionTest.hit("b", 0.6));
        RankedPassage b = ranked(RankFusionTest.hit("b", 0).passage());
        RankedPassage c = ranked(RankFusionTest.hit("c", 0).passage());
        RankedPassage a = ranked(RankFusionTest.hit("a", 0).passage());

        List<ScoredPassage> sharpened =
                HybridRetriever.sharpened(nearest, Map.of("b", 0.8, "c", 0.65, "a", 0.5), List.of(a, b, c));

        // b's sentence beats its passage; c, not in the vector list, enters with its sentence; a keeps its 0.7
        assertThat(sharpened)
                .extracting(h -> h.passage().id() + "=" + h.score())
                .containsExactly("b=0.8", "a=0.7", "c=0.65");
    }

    private static RankedPassage ranked(Passage p) {
        return new RankedPassage(p, 0, OptionalInt.empty(), OptionalInt.empty(), Double.NaN);
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
