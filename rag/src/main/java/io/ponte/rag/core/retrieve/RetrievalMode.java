package io.ponte.rag.core.retrieve;

/** Which retrievers take part; {@link #HYBRID_RERANK} is the evaluation's fourth column. */
public enum RetrievalMode {
    /** BM25 over text, identifiers and paths only. */
    KEYWORD,
    /** Embedding similarity only. */
    DENSE,
    /** Both, fused ({@code ponte.rag.retrieval.fusion}). */
    HYBRID,
    /** Both, fused, then the best candidates re-read sentence by sentence. */
    HYBRID_RERANK
}
