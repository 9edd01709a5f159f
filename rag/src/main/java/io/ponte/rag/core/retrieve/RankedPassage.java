package io.ponte.rag.core.retrieve;

import io.ponte.rag.core.Passage;
import java.util.OptionalInt;

/**
 * A passage in the final ranking, with how each retriever saw it.
 *
 * @param passage the passage
 * @param score the fused (or re-ranked) score that orders the list
 * @param keywordRank its 1-based rank in the keyword (BM25) list, if it was there
 * @param vectorRank its 1-based rank in the vector list, if it was there
 * @param similarity cosine similarity between the question and the passage, when known (else NaN)
 */
public record RankedPassage(
        Passage passage, double score, OptionalInt keywordRank, OptionalInt vectorRank, double similarity) {}
