package io.ponte.rag.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.ponte.rag.core.Passage;
import io.ponte.rag.core.ScoredPassage;
import io.ponte.rag.core.SearchFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What every {@link PassageIndex} does. An adapter's test extends this and provides an empty index, a way to reopen
 * the same storage and the embedder whose vectors it stores.
 */
public abstract class PassageIndexContractTest {

    protected static final String DOCS = "docs";
    protected static final String OTHER = "other";

    protected PassageIndex index;

    /** A new, empty index; called before each test. */
    protected abstract PassageIndex openEmpty();

    /** Closes {@code index} and opens the same storage again. */
    protected abstract PassageIndex reopen(PassageIndex index);

    /** The real embedder whose vectors the index holds. */
    protected abstract Embedder embedder();

    @BeforeEach
    void openIndex() {
        index = openEmpty();
    }

    @AfterEach
    void closeIndex() {
        index.close();
    }

    @Test
    void a_replaced_file_is_found_by_its_words_and_by_its_meaning() {
        put(
                DOCS,
                "interlink/api.md",
                "The getLogs call streams the log lines a pod writes, following them while"
                        + " the job is still running.");
        put(DOCS, "interlink/slurm.md", "Choose the Slurm partition with the --partition flag in the job script.");
        put(DOCS, "interlink/install.md", "Install the virtual kubelet with Helm and point it at the API server.");
        index.commit();

        assertThat(ids(index.keyword(DOCS, "getLogs", 5, SearchFilter.NONE)))
                .first()
                .isEqualTo("interlink/api.md#0");
        List<ScoredPassage> nearest =
                index.nearest(DOCS, embedder().embed("how do I see container output"), 3, SearchFilter.NONE);
        assertThat(ids(nearest)).first().isEqualTo("interlink/api.md#0");
        assertThat(nearest.get(0).score()).isGreaterThan(nearest.get(1).score());
    }

    @Test
    void a_found_passage_keeps_its_citation() {
        Passage passage = new Passage(
                "guide/run.md#0", DOCS, "guide/run.md", List.of("Run", "Logs"), 12, 20, "Follow the log lines.");
        index.replaceFile(
                DOCS, "guide/run.md", "h1", List.of(passage), embedder().embedAll(List.of(passage.text())));
        index.commit();

        assertThat(index.keyword(DOCS, "log", 1, SearchFilter.NONE))
                .singleElement()
                .extracting(ScoredPassage::passage)
                .isEqualTo(passage);
    }

    @Test
    void replacing_a_file_leaves_none_of_its_old_passages() {
        put(DOCS, "a.md", "alpha one", "alpha two", "alpha three");
        index.commit();
        put(DOCS, "a.md", "beta only");
        index.commit();

        assertThat(index.keyword(DOCS, "alpha", 10, SearchFilter.NONE)).isEmpty();
        assertThat(texts(index.keyword(DOCS, "beta", 10, SearchFilter.NONE))).containsExactly("beta only");
        assertThat(texts(index.nearest(DOCS, embedder().embed("alpha one"), 10, SearchFilter.NONE)))
                .containsExactly("beta only");
        assertThat(index.passageCount(DOCS)).isEqualTo(1);
    }

    @Test
    void a_deleted_file_is_gone_with_its_hash() {
        put(DOCS, "a.md", "kept passage");
        put(DOCS, "b.md", "deleted passage");
        index.commit();

        index.deleteFile(DOCS, "b.md");
        index.commit();

        assertThat(texts(index.keyword(DOCS, "passage", 10, SearchFilter.NONE))).containsExactly("kept passage");
        assertThat(index.fileHashes(DOCS)).containsOnlyKeys("a.md");
        assertThat(index.passageCount(DOCS)).isEqualTo(1);
    }

    @Test
    void collections_do_not_see_each_other() {
        put(DOCS, "same.md", "shared words in docs");
        put(OTHER, "same.md", "shared words in other", "more shared words");
        index.commit();

        assertThat(texts(index.keyword(DOCS, "shared words", 10, SearchFilter.NONE)))
                .containsExactly("shared words in docs");
        assertThat(index.nearest(OTHER, embedder().embed("shared words"), 10, SearchFilter.NONE))
                .allSatisfy(hit -> assertThat(hit.passage().collection()).isEqualTo(OTHER))
                .hasSize(2);
        assertThat(index.collections()).containsExactlyInAnyOrder(DOCS, OTHER);
        assertThat(index.passageCount(DOCS)).isEqualTo(1);
        assertThat(index.passageCount(OTHER)).isEqualTo(2);
        assertThat(index.passageCount("none")).isZero();
    }

    @Test
    void a_collection_whose_files_have_no_passages_is_not_listed_but_its_hashes_are_kept() {
        index.replaceFile(DOCS, "empty.md", "h-empty", List.of(), List.of());
        index.commit();

        assertThat(index.collections()).isEmpty();
        assertThat(index.fileHashes(DOCS)).containsExactly(Map.entry("empty.md", "h-empty"));
    }

    @Test
    void a_file_prefix_restricts_both_searches() {
        put(DOCS, "interlink/docs/a.md", "virtual kubelet setup");
        put(DOCS, "interlink/docs/b.md", "virtual kubelet tuning");
        put(DOCS, "kserve/docs/c.md", "virtual kubelet elsewhere");
        index.commit();
        SearchFilter interlink = new SearchFilter(Optional.of("interlink/"));

        assertThat(files(index.keyword(DOCS, "virtual kubelet", 10, interlink)))
                .containsExactlyInAnyOrder("interlink/docs/a.md", "interlink/docs/b.md");
        assertThat(files(index.nearest(DOCS, embedder().embed("virtual kubelet"), 10, interlink)))
                .containsExactlyInAnyOrder("interlink/docs/a.md", "interlink/docs/b.md");
    }

    @Test
    void searches_return_at_most_k_passages() {
        put(DOCS, "many.md", "kubelet one", "kubelet two", "kubelet three", "kubelet four");
        index.commit();

        assertThat(index.keyword(DOCS, "kubelet", 2, SearchFilter.NONE)).hasSize(2);
        assertThat(index.nearest(DOCS, embedder().embed("kubelet"), 3, SearchFilter.NONE))
                .hasSize(3);
    }

    @Test
    void file_hashes_round_trip() {
        put(DOCS, "a.md", "first");
        index.replaceFile(DOCS, "b.md", "sha256:bb", List.of(), List.of());
        index.commit();
        index.replaceFile(DOCS, "b.md", "sha256:b2", List.of(), List.of());
        index.commit();

        assertThat(index.fileHashes(DOCS)).containsOnlyKeys("a.md", "b.md").containsEntry("b.md", "sha256:b2");
        assertThat(index.fileHashes(OTHER)).isEmpty();
    }

    @Test
    void what_was_committed_survives_close_and_reopen() {
        put(DOCS, "interlink/api.md", "The getLogs call streams the log lines a pod writes.");
        index.commit();
        Map<String, String> hashes = index.fileHashes(DOCS);

        index = reopen(index);

        assertThat(index.fileHashes(DOCS)).isEqualTo(hashes);
        assertThat(ids(index.keyword(DOCS, "getLogs", 1, SearchFilter.NONE))).containsExactly("interlink/api.md#0");
        assertThat(ids(index.nearest(DOCS, embedder().embed("log lines"), 1, SearchFilter.NONE)))
                .containsExactly("interlink/api.md#0");
        assertThat(index.collections()).containsExactly(DOCS);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "slurm-job.vk.io/flags \"unterminated",
                "AND OR (",
                "NOT",
                "*",
                "?",
                "\\",
                "title:x^2 ~ [a TO",
                "+-&&||!(){}[]^\"~*?:\\/",
                "--partition=gpu",
                "",
                "   ",
                "the of and"
            })
    void queries_with_any_characters_do_not_fail(String query) {
        put(DOCS, "a.md", "slurm-job.vk.io/flags sets extra sbatch flags; use --partition=gpu AND a title.");
        index.commit();

        assertThatCode(() -> index.keyword(DOCS, query, 5, SearchFilter.NONE)).doesNotThrowAnyException();
    }

    @Test
    void a_blank_query_finds_nothing() {
        put(DOCS, "a.md", "anything at all");
        index.commit();

        assertThat(index.keyword(DOCS, " ", 5, SearchFilter.NONE)).isEmpty();
    }

    @Test
    void an_identifier_ranks_the_passage_that_contains_it_first() {
        put(DOCS, "a.md", "The telemetry endpoint is polled every minute; telemetry from each endpoint is kept.");
        put(DOCS, "b.md", "Set TELEMETRY_ENDPOINT to the collector address and traces go there.");
        put(DOCS, "c.md", "Endpoint telemetry appears on the dashboard: endpoint, telemetry, endpoint.");
        put(DOCS, "d.md", "Slurm job flags such as --mem go to sbatch; the io of each job is logged by vk.");
        put(DOCS, "e.md", "Extra sbatch flags go in the slurm-job.vk.io/flags annotation of the pod.");
        put(DOCS, "f.md", "Flags for a Slurm job: every job has flags, and slurm reads them.");
        index.commit();

        assertThat(files(index.keyword(DOCS, "TELEMETRY_ENDPOINT", 3, SearchFilter.NONE)))
                .first()
                .isEqualTo("b.md");
        assertThat(files(index.keyword(DOCS, "slurm-job.vk.io/flags", 3, SearchFilter.NONE)))
                .first()
                .isEqualTo("e.md");
        assertThat(files(index.keyword(DOCS, "where do the slurm-job.vk.io/flags go?", 3, SearchFilter.NONE)))
                .first()
                .isEqualTo("e.md");
    }

    @Test
    void passages_containing_a_word_count_its_forms_and_an_identifier_only_whole() {
        put(DOCS, "a.md", "Volumes are mounted with slurm-job.vk.io/flags on the node.", "Nothing else here.");
        put(DOCS, "b.md", "Mounting a volume takes one cpu hour.");
        put(OTHER, "c.md", "mounted elsewhere");
        index.commit();

        assertThat(index.passagesContaining(DOCS, "mount")).isEqualTo(2);
        assertThat(index.passagesContaining(DOCS, "volume")).isEqualTo(2);
        assertThat(index.passagesContaining(DOCS, "slurm-job.vk.io/flags")).isEqualTo(1);
        assertThat(index.passagesContaining(DOCS, "slurm-job.vk.io/mpi-flags")).isZero();
        assertThat(index.passagesContaining(DOCS, "cpu-hour")).isEqualTo(1);
        assertThat(index.passagesContaining(DOCS, "hour-cpu")).isZero();
        assertThat(index.passagesContaining(DOCS, "Geant4")).isZero();
        assertThat(index.passagesContaining(DOCS, "the")).isZero();
        assertThat(index.passagesContaining(DOCS, " ")).isZero();
        assertThat(index.passagesContaining(OTHER, "mount")).isEqualTo(1);
        assertThat(index.passagesContaining("none", "mount")).isZero();
    }

    @Test
    void a_search_never_sees_half_of_a_replaced_file() throws Exception {
        List<float[]> vectors = embedder().embedAll(List.of("part one", "part two", "part three", "part four"));
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> writer = threads.submit(() -> {
                for (int version = 0; version < 40; version++) {
                    List<Passage> passages = new ArrayList<>();
                    for (int i = 0; i < vectors.size(); i++) {
                        passages.add(passage(DOCS, "r.md", i, "release v" + version + " part"));
                    }
                    index.replaceFile(DOCS, "r.md", "h" + version, passages, vectors);
                    index.commit();
                }
                writing.set(false);
            });
            Future<List<String>> reader = threads.submit(() -> {
                List<String> torn = new ArrayList<>();
                while (writing.get()) {
                    List<String> seen = texts(index.keyword(DOCS, "release part", 10, SearchFilter.NONE));
                    if (!seen.isEmpty()
                            && (seen.size() != 4 || seen.stream().distinct().count() != 1)) {
                        torn.add(String.join(" | ", seen));
                    }
                }
                return torn;
            });
            writer.get(60, TimeUnit.SECONDS);
            assertThat(reader.get(60, TimeUnit.SECONDS)).isEmpty();
        } finally {
            threads.shutdownNow();
        }
        assertThat(index.passageCount(DOCS)).isEqualTo(4);
    }

    @Test
    void writes_from_several_threads_all_land() throws Exception {
        float[] vector = embedder().embed("a passage");
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                writers.add(threads.submit(() -> {
                    for (int f = 0; f < 25; f++) {
                        String file = "t" + thread + "/f" + f + ".md";
                        List<Passage> passages =
                                List.of(passage(DOCS, file, 0, "first"), passage(DOCS, file, 1, "second"));
                        index.replaceFile(DOCS, file, "h", passages, List.of(vector, vector));
                        index.keyword(DOCS, "first", 3, SearchFilter.NONE);
                    }
                }));
            }
            for (Future<?> writer : writers) {
                writer.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        index.commit();

        assertThat(index.passageCount(DOCS)).isEqualTo(200);
        assertThat(index.fileHashes(DOCS)).hasSize(100);
    }

    /** Indexes {@code texts} as the passages of one file, embedded by {@link #embedder()}; does not commit. */
    protected void put(String collection, String file, String... texts) {
        List<Passage> passages = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            passages.add(passage(collection, file, i, texts[i]));
        }
        index.replaceFile(
                collection,
                file,
                "h-" + String.join("|", texts).hashCode(),
                passages,
                embedder().embedAll(List.of(texts)));
    }

    protected static Passage passage(String collection, String file, int n, String text) {
        return new Passage(file + "#" + n, collection, file, List.of("Guide"), 10 * n + 1, 10 * n + 9, text);
    }

    protected static List<String> ids(List<ScoredPassage> hits) {
        return hits.stream().map(hit -> hit.passage().id()).toList();
    }

    protected static List<String> texts(List<ScoredPassage> hits) {
        return hits.stream().map(hit -> hit.passage().text()).toList();
    }

    protected static List<String> files(List<ScoredPassage> hits) {
        return hits.stream().map(hit -> hit.passage().file()).toList();
    }
}
