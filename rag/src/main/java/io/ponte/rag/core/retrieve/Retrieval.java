package io.ponte.rag.core.retrieve;

import java.util.List;

/**
 * What retrieval found for a question.
 *
 * @param question the question as asked
 * @param query how it was searched (after language handling and expansion)
 * @param passages the ranking, best first
 * @param covered whether the evidence is strong enough to answer from; false means refuse
 * @param coverage the evidence {@code covered} was decided on: the best returned passage's similarity to the
 *     question scaled by how much of the question's distinctive wording it contains (see {@code CoverageJudge})
 */
public record Retrieval(String question, Query query, List<RankedPassage> passages, boolean covered, double coverage) {}
