package io.ponte.rag.adapter.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ponte.rag.adapter.onnx.MiniLmEmbedder;
import io.ponte.rag.core.SearchFilter;
import io.ponte.rag.spi.Embedder;
import io.ponte.rag.spi.PassageIndex;
import io.ponte.rag.spi.PassageIndexContractTest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LucenePassageIndexTest extends PassageIndexContractTest {

    private static final MiniLmEmbedder EMBEDDER = new MiniLmEmbedder();

    @TempDir
    Path dir;

    @Override
    protected PassageIndex openEmpty() {
        return LucenePassageIndex.open(dir, EMBEDDER.modelName(), EMBEDDER.dimension());
    }

    @Override
    protected PassageIndex reopen(PassageIndex index) {
        index.close();
        return openEmpty();
    }

    @Override
    protected Embedder embedder() {
        return EMBEDDER;
    }

    @Test
    void opening_an_index_built_with_another_model_fails_and_says_what_to_do() {
        index.close();

        assertThatThrownBy(() -> LucenePassageIndex.open(dir, "other-model@1", 384))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(EMBEDDER.modelName())
                .hasMessageContaining("other-model@1")
                .hasMessageContaining("delete " + dir);
        assertThatThrownBy(() -> LucenePassageIndex.open(dir, EMBEDDER.modelName(), 768))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("768 dimensions");
    }

    @Test
    void a_refused_index_is_left_as_it_was() {
        put(DOCS, "a.md", "still here");
        index.close();
        assertThatThrownBy(() -> LucenePassageIndex.open(dir, "other-model@1", 384))
                .isInstanceOf(IllegalStateException.class);

        index = openEmpty();

        assertThat(index.passageCount(DOCS)).isEqualTo(1);
    }

    @Test
    void recreate_starts_an_empty_index_for_the_new_model() {
        put(DOCS, "a.md", "old vectors");
        index.close();

        index = LucenePassageIndex.recreate(dir, "other-model@1", 2, KeywordWeights.DEFAULT);
        index.close();
        index = LucenePassageIndex.open(dir, "other-model@1", 2);

        assertThat(index.collections()).isEmpty();
        assertThat(index.fileHashes(DOCS)).isEmpty();
    }

    @Test
    void a_second_writer_on_the_same_directory_is_refused() {
        assertThatThrownBy(() -> openEmpty())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already open");
    }

    @Test
    void vectors_of_another_dimension_are_refused() {
        assertThatThrownBy(() -> index.nearest(DOCS, new float[3], 1, SearchFilter.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("384");
        assertThatThrownBy(
                        () -> index.replaceFile(DOCS, "a.md", "h", List.of(passage(DOCS, "a.md", 0, "x")), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void an_italian_question_finds_the_italian_passage_through_its_stem() {
        put(DOCS, "it/guida.md", "Le code di Slurm assegnano i lavori alle partizioni del cluster.");
        put(DOCS, "en/guide.md", "Slurm queues assign work to the cluster nodes.");
        index.commit();

        assertThat(files(index.keyword(DOCS, "partizione", 2, SearchFilter.NONE)))
                .containsExactly("it/guida.md");
    }

    @Test
    void an_identifier_is_found_by_its_whole_name_and_by_its_parts() {
        put(DOCS, "a.md", "Copy InterLinkConfig.yaml next to the binary and set TELEMETRY_ENDPOINT.");
        put(DOCS, "b.md", "Copy the binary to the node and start it.");
        index.commit();

        assertThat(files(index.keyword(DOCS, "InterLinkConfig", 2, SearchFilter.NONE)))
                .containsExactly("a.md");
        assertThat(files(index.keyword(DOCS, "telemetry", 2, SearchFilter.NONE)))
                .containsExactly("a.md");
    }

    @Test
    void words_of_the_file_path_find_its_passages() {
        put(DOCS, "interlink/docs/InterLinkConfig.md", "Every key of the file, with its default.");
        put(DOCS, "interlink/docs/other.md", "Every key of the other file.");
        index.commit();

        assertThat(files(index.keyword(DOCS, "interlink config", 2, SearchFilter.NONE)))
                .first()
                .isEqualTo("interlink/docs/InterLinkConfig.md");
    }

    @Test
    void keyword_weights_of_zero_leave_a_field_out() {
        index.close();
        index = LucenePassageIndex.open(
                dir, EMBEDDER.modelName(), EMBEDDER.dimension(), new KeywordWeights(0, 1, 0, 0));
        put(DOCS, "interlink/deploy.md", "How to roll out the service.");
        index.commit();

        assertThat(index.keyword(DOCS, "interlink", 5, SearchFilter.NONE)).isEmpty();
        assertThat(index.keyword(DOCS, "rolling out", 5, SearchFilter.NONE)).hasSize(1);
    }
}
