package io.ponte.rag.core.retrieve;

import static org.assertj.core.api.Assertions.assertThat;

import io.ponte.rag.adapter.lucene.LucenePassageIndex;
import io.ponte.rag.adapter.onnx.MiniLmEmbedder;
import io.ponte.rag.core.Passage;
import io.ponte.rag.core.ScoredPassage;
import io.ponte.rag.core.SearchFilter;
import io.ponte.rag.spi.PassageIndex;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The refusal decision over a small real index (Lucene, MiniLM) of operations notes. */
class CoverageJudgeTest {

    private static final MiniLmEmbedder EMBEDDER = new MiniLmEmbedder();
    private static final String DOCS = "docs";
    private static final double MIN_SIMILARITY = 0.30;
    private static final double MIN_EVIDENCE = 0.32;
    private static final double LEXICAL_WEIGHT = 0.5;

    @TempDir
    Path dir;

    private PassageIndex index;
    private final QueryAnalyzer analyzer = new QueryAnalyzer();

    @BeforeEach
    void notes() {
        index = LucenePassageIndex.open(dir, EMBEDDER.modelName(), EMBEDDER.dimension());
        put(
                "ops/accounts.md",
                "An account whose membership has expired is suspended after 7 days and removed after 30.");
        put(
                "ops/quotas.md",
                "Each project has a storage quota; administrators change the quota in the project settings.");
        put("ops/storage.md", "The WebDAV service listens on port 8443 for HTTPS and on port 8085 for plain HTTP.");
        put("guides/volumes.md", "Only ConfigMap, Secret and emptyDir volumes can be mounted in offloaded containers.");
        put("guides/tracing.md", "Traces from the virtual kubelet are sent to Grafana Tempo and shown on a dashboard.");
        index.commit();
    }

    @AfterEach
    void close() {
        index.close();
    }

    @Test
    void a_question_the_passages_answer_is_covered() {
        CoverageJudge.Coverage c = judge("After how many days is an expired account suspended?");

        assertThat(c.covered()).isTrue();
        assertThat(c.evidence()).isGreaterThan(MIN_EVIDENCE);
        assertThat(c.unknownNames()).isEmpty();
    }

    @Test
    void an_italian_question_over_english_notes_is_covered() {
        assertThat(judge("Quali tipi di volume posso montare nei container remoti?")
                        .covered())
                .isTrue();
    }

    @Test
    void a_question_on_nothing_the_notes_mention_is_refused() {
        CoverageJudge.Coverage c = judge("What is the recipe for a good risotto alla milanese?");

        assertThat(c.covered()).isFalse();
        assertThat(c.evidence()).isLessThan(MIN_EVIDENCE);
    }

    @Test
    void a_question_naming_something_no_passage_contains_is_refused_however_near_its_topic() {
        CoverageJudge.Coverage c = judge("How do I send the virtual kubelet traces to Grafana Loki?");

        assertThat(c.unknownNames()).containsExactly("Loki");
        assertThat(c.covered()).isFalse();
        assertThat(judge("How are the virtual kubelet traces shown in Grafana?").covered())
                .isTrue();
    }

    @Test
    void a_missing_rare_word_costs_more_evidence_than_a_present_one() {
        // same sentence shape; "storage" is in the notes, "CPU-hour" nowhere
        double present =
                judge("What is the default storage quota of a project?").evidence();
        double missing =
                judge("What is the default CPU-hour quota of a project?").evidence();

        assertThat(missing).isLessThan(present);
    }

    @Test
    void without_enough_similarity_even_full_wording_is_refused() {
        CoverageJudge strict = new CoverageJudge(index, 0.99, MIN_EVIDENCE, LEXICAL_WEIGHT, true);

        assertThat(judge(strict, "After how many days is an expired account suspended?")
                        .covered())
                .isFalse();
    }

    @Test
    void an_untranslated_italian_word_no_passage_has_is_not_held_against_the_question() {
        CoverageJudge judge = judge(true);
        Query italian = new Query(
                "quanti giorni account scaduto pippolino",
                "it",
                "how many days account expired pippolino",
                List.of(),
                List.of(),
                List.of("pippolino"));
        Query english = new Query(italian.english(), "en", italian.english(), List.of(), List.of(), List.of());

        assertThat(judge.weighted(DOCS, italian))
                .extracting(t -> t.term().word())
                .containsExactly("many", "days", "account", "expired");
        assertThat(judge.weighted(DOCS, english))
                .extracting(t -> t.term().word())
                .contains("pippolino");
    }

    @Test
    void rarer_words_weigh_more() {
        assertThat(CoverageJudge.idf(100, 1)).isGreaterThan(CoverageJudge.idf(100, 10));
        assertThat(CoverageJudge.idf(100, 10)).isGreaterThan(CoverageJudge.idf(100, 90));
        assertThat(CoverageJudge.idf(100, 100)).isPositive();
        assertThat(CoverageJudge.idf(100, 0)).isGreaterThan(CoverageJudge.idf(100, 1));
    }

    private CoverageJudge.Coverage judge(String question) {
        return judge(judge(true), question);
    }

    private CoverageJudge judge(boolean refuseUnknownNames) {
        return new CoverageJudge(index, MIN_SIMILARITY, MIN_EVIDENCE, LEXICAL_WEIGHT, refuseUnknownNames);
    }

    /** What the retriever does: fuse the keyword and vector lists, judge the best three. */
    private CoverageJudge.Coverage judge(CoverageJudge judge, String question) {
        Query query = analyzer.analyze(question);
        List<ScoredPassage> nearest = index.nearest(DOCS, EMBEDDER.embed(query.english()), 5, SearchFilter.NONE);
        List<ScoredPassage> keyword = index.keyword(DOCS, query.english(), 5, SearchFilter.NONE);
        List<RankedPassage> fused = RankFusion.scores(
                List.of(new RankFusion.Ranking(keyword, false, 0.4), new RankFusion.Ranking(nearest, true, 0.6)));
        return judge.judge(DOCS, query, fused.subList(0, Math.min(3, fused.size())), nearest);
    }

    private void put(String file, String text) {
        Passage p = new Passage(file + "#0", DOCS, file, List.of(), 1, 1, text);
        index.replaceFile(DOCS, file, "h-" + text.hashCode(), List.of(p), EMBEDDER.embedAll(List.of(text)));
    }
}
