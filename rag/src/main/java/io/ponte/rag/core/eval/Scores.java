package io.ponte.rag.core.eval;

/**
 * Averages over a group of questions.
 *
 * @param questions answerable questions in the group
 * @param recallAt1 mean recall@1
 * @param recallAt5 mean recall@5
 * @param mrrAt10 mean reciprocal rank, cut at 10
 * @param ndcgAt10 mean nDCG@10
 * @param unanswerable questions the documentation does not cover
 * @param refusalAccuracy the share of those that were refused
 * @param falseRefusalRate the share of answerable questions that were refused
 */
public record Scores(
        int questions,
        double recallAt1,
        double recallAt5,
        double mrrAt10,
        double ndcgAt10,
        int unanswerable,
        double refusalAccuracy,
        double falseRefusalRate) {}
