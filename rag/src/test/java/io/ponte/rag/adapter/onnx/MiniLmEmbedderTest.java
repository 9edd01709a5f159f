package io.ponte.rag.adapter.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class MiniLmEmbedderTest {

    private static final MiniLmEmbedder EMBEDDER = new MiniLmEmbedder();

    @Test
    void names_the_model_and_the_artifact_version_it_ships_in() {
        assertThat(EMBEDDER.modelName()).isEqualTo("all-minilm-l6-v2@1.19.0-beta29");
        assertThat(EMBEDDER.dimension()).isEqualTo(384);
    }

    @Test
    void gives_one_unit_vector_per_text_in_order() {
        List<String> texts = List.of("Slurm partitions", "The getLogs call streams log lines", "Helm chart");

        List<float[]> batch = EMBEDDER.embedAll(texts);

        assertThat(batch).hasSize(3).allSatisfy(v -> assertThat(norm(v)).isCloseTo(1.0, within(1e-4)));
        for (int i = 0; i < texts.size(); i++) {
            assertThat(cosine(batch.get(i), EMBEDDER.embed(texts.get(i)))).isCloseTo(1.0, within(1e-4));
        }
    }

    @Test
    void a_question_is_nearer_to_the_passage_that_answers_it() {
        float[] question = EMBEDDER.embed("how do I see container output");
        float[] answer = EMBEDDER.embed("The getLogs call streams the log lines a pod writes.");
        float[] other = EMBEDDER.embed("Choose the Slurm partition in the job script.");

        assertThat(cosine(question, answer)).isGreaterThan(cosine(question, other));
    }

    @Test
    void embeds_texts_longer_than_the_model_window() {
        String longText = "The virtual kubelet forwards pods to a remote Slurm cluster. ".repeat(120);

        assertThat(norm(EMBEDDER.embed(longText))).isCloseTo(1.0, within(1e-4));
    }

    @Test
    void refuses_a_blank_text_and_accepts_an_empty_batch() {
        assertThatThrownBy(() -> EMBEDDER.embedAll(List.of("fine", " ")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("text 1 is blank");
        assertThat(EMBEDDER.embedAll(List.of())).isEmpty();
    }

    private static double norm(float[] v) {
        return Math.sqrt(cosine(v, v));
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }
}
