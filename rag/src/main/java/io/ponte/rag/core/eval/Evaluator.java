package io.ponte.rag.core.eval;

import io.ponte.rag.core.SearchFilter;
import io.ponte.rag.core.retrieve.HybridRetriever;
import io.ponte.rag.core.retrieve.RankedPassage;
import io.ponte.rag.core.retrieve.Retrieval;
import io.ponte.rag.core.retrieve.RetrievalMode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs an evaluation set against a collection in every retrieval mode and scores it: recall@1/@5, MRR@10 and
 * nDCG@10 with file-level gold, refusal accuracy on questions the documentation does not cover, false refusals on
 * those it does, overall and per language.
 */
@ApplicationScoped
public class Evaluator {

    /** Passages fetched per question: enough for ten distinct files in practice. */
    static final int DEPTH = 50;

    private final HybridRetriever retriever;

    public Evaluator(HybridRetriever retriever) {
        this.retriever = retriever;
    }

    /** The report: per mode, scores overall and per language, and the per-question results. */
    public record Report(
            String collection,
            int questions,
            Map<RetrievalMode, Map<String, Scores>> scores,
            Map<RetrievalMode, List<QuestionResult>> results) {}

    public Report run(String collection, List<EvalQuestion> questions, List<RetrievalMode> modes) {
        Map<RetrievalMode, Map<String, Scores>> scores = new EnumMap<>(RetrievalMode.class);
        Map<RetrievalMode, List<QuestionResult>> results = new EnumMap<>(RetrievalMode.class);
        for (RetrievalMode mode : modes) {
            List<QuestionResult> perQuestion = new ArrayList<>();
            for (EvalQuestion q : questions) {
                Retrieval r = retriever.retrieve(collection, q.question(), SearchFilter.NONE, mode, DEPTH);
                perQuestion.add(new QuestionResult(
                        q.id(), q.language(), q.goldFiles(), files(r.passages()), !r.covered(), r.coverage()));
            }
            results.put(mode, perQuestion);
            Map<String, Scores> byGroup = new LinkedHashMap<>();
            byGroup.put("all", score(perQuestion));
            for (String language : new TreeSet<>(
                    perQuestion.stream().map(QuestionResult::language).toList())) {
                byGroup.put(
                        language,
                        score(perQuestion.stream()
                                .filter(x -> language.equals(x.language()))
                                .toList()));
            }
            scores.put(mode, byGroup);
        }
        return new Report(collection, questions.size(), scores, results);
    }

    static List<String> files(List<RankedPassage> passages) {
        Set<String> distinct = new LinkedHashSet<>();
        for (RankedPassage p : passages) {
            distinct.add(p.passage().file());
            if (distinct.size() == 10) {
                break;
            }
        }
        return List.copyOf(distinct);
    }

    static Scores score(List<QuestionResult> results) {
        int answerable = 0;
        int unanswerable = 0;
        int refusedRight = 0;
        int refusedWrong = 0;
        double r1 = 0;
        double r5 = 0;
        double mrr = 0;
        double ndcg = 0;
        for (QuestionResult q : results) {
            if (q.goldFiles().isEmpty()) {
                unanswerable++;
                refusedRight += q.refused() ? 1 : 0;
                continue;
            }
            answerable++;
            refusedWrong += q.refused() ? 1 : 0;
            Set<String> gold = new HashSet<>(q.goldFiles());
            r1 += RankingMetrics.recallAt(q.ranking(), gold, 1);
            r5 += RankingMetrics.recallAt(q.ranking(), gold, 5);
            mrr += RankingMetrics.reciprocalRankAt(q.ranking(), gold, 10);
            ndcg += RankingMetrics.ndcgAt(q.ranking(), gold, 10);
        }
        double n = Math.max(1, answerable);
        return new Scores(
                answerable,
                r1 / n,
                r5 / n,
                mrr / n,
                ndcg / n,
                unanswerable,
                unanswerable == 0 ? 1 : (double) refusedRight / unanswerable,
                answerable == 0 ? 0 : refusedWrong / n);
    }
}
