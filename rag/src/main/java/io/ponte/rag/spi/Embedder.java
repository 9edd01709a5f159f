package io.ponte.rag.spi;

import java.util.List;

/** Turns text into unit-length vectors for nearest-neighbour search; runs in-process. */
public interface Embedder {

    /** The vectors' dimension. */
    int dimension();

    /** A name that changes when the vectors would change (model and version); stored with the index. */
    String modelName();

    /** One vector per text, in order. */
    List<float[]> embedAll(List<String> texts);

    default float[] embed(String text) {
        return embedAll(List.of(text)).get(0);
    }
}
