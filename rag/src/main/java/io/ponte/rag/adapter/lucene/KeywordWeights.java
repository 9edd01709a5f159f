package io.ponte.rag.adapter.lucene;

/**
 * How much each keyword field counts in the BM25 score of {@link LucenePassageIndex#keyword}; 0 leaves a field out.
 *
 * @param ident identifiers, flags, paths and camelCase words kept whole and split
 * @param english English-stemmed heading path and text
 * @param italian Italian-stemmed heading path and text, for Italian documents and questions
 * @param path the file path split into words
 */
public record KeywordWeights(float ident, float english, float italian, float path) {

    public static final KeywordWeights DEFAULT = new KeywordWeights(1.5f, 1.0f, 0.6f, 0.8f);

    public KeywordWeights {
        if (ident < 0 || english < 0 || italian < 0 || path < 0) {
            throw new IllegalArgumentException("keyword field weights must not be negative: " + this);
        }
    }
}
