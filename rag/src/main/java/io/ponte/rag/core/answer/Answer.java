package io.ponte.rag.core.answer;

import io.ponte.rag.core.retrieve.Retrieval;
import java.util.List;

/**
 * An answer and where it comes from.
 *
 * @param text the answer, with {@code [n]} markers
 * @param mode how it was made
 * @param citations the sources its markers point at, every one among the retrieved passages
 * @param retrieval what retrieval found (passages with scores)
 */
public record Answer(String text, Mode mode, List<Citation> citations, Retrieval retrieval) {

    public enum Mode {
        /** Written by the language model from the numbered sources. */
        GENERATED,
        /** Stitched from the best passages, without a language model. */
        EXTRACTIVE,
        /** The documentation does not cover the question. */
        REFUSED
    }
}
