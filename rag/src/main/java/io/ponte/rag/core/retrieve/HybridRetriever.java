package io.ponte.rag.core.retrieve;

import io.ponte.rag.config.RagConfig;
import io.ponte.rag.core.ScoredPassage;
import io.ponte.rag.core.SearchFilter;
import io.ponte.rag.spi.Embedder;
import io.ponte.rag.spi.PassageIndex;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the passages that answer a question: BM25 over words and identifiers (with the English wording and, for a
 * translated question, its own), nearest neighbours over meaning, fused with weights, optionally re-ranked sentence
 * by sentence; and decides whether the evidence covers the question at all ({@link CoverageJudge}).
 */
@ApplicationScoped
public class HybridRetriever {

    private final PassageIndex index;
    private final Embedder embedder;
    private final QueryAnalyzer analyzer;
    private final Reranker reranker;
    private final RagConfig.RetrievalConfig config;
    private final CoverageJudge judge;

    public HybridRetriever(
            PassageIndex index, Embedder embedder, QueryAnalyzer analyzer, Reranker reranker, RagConfig config) {
        this.index = index;
        this.embedder = embedder;
        this.analyzer = analyzer;
        this.reranker = reranker;
        this.config = config.retrieval();
        this.judge = new CoverageJudge(
                index,
                this.config.minSimilarity(),
                this.config.minEvidence(),
                this.config.lexicalWeight(),
                this.config.refuseUnknownNames());
    }

    /** The configured mode: hybrid, re-ranked when {@code ponte.rag.retrieval.rerank} is on. */
    public Retrieval retrieve(String collection, String question, SearchFilter filter) {
        return retrieve(
                collection,
                question,
                filter,
                config.rerank() ? RetrievalMode.HYBRID_RERANK : RetrievalMode.HYBRID,
                config.topK());
    }

    public Retrieval retrieve(String collection, String question, SearchFilter filter, RetrievalMode mode, int k) {
        Query query = analyzer.analyze(question);
        int candidates = Math.max(config.candidates(), k);
        double dense = mode == RetrievalMode.KEYWORD ? 0 : mode == RetrievalMode.DENSE ? 1 : config.denseWeight();
        List<RankFusion.Ranking> keyword = new ArrayList<>();
        if (dense < 1) {
            keyword.add(new RankFusion.Ranking(
                    index.keyword(collection, query.english(), candidates, filter), false, 1 - dense));
            if (query.translated() && config.originalKeywordWeight() > 0) {
                keyword.add(new RankFusion.Ranking(
                        index.keyword(collection, query.original(), candidates, filter),
                        false,
                        (1 - dense) * config.originalKeywordWeight()));
            }
        }
        float[] vector = embedder.embed(query.english());
        List<ScoredPassage> nearest = index.nearest(collection, vector, candidates, filter);
        List<RankedPassage> ranked = fuse(keyword, nearest, dense);
        if (mode == RetrievalMode.HYBRID_RERANK) {
            List<RankedPassage> head = ranked.subList(0, Math.min(config.rerankDepth(), ranked.size()));
            ranked = fuse(keyword, sharpened(nearest, reranker.bestSentences(vector, head), head), dense);
        }
        List<RankedPassage> top = List.copyOf(ranked.subList(0, Math.min(k, ranked.size())));
        CoverageJudge.Coverage coverage =
                judge.judge(collection, query, top.subList(0, Math.min(config.topK(), top.size())), nearest);
        return new Retrieval(question, query, top, coverage.covered(), coverage.evidence());
    }

    private List<RankedPassage> fuse(List<RankFusion.Ranking> keyword, List<ScoredPassage> nearest, double dense) {
        List<RankFusion.Ranking> rankings = new ArrayList<>(keyword);
        if (dense > 0) {
            rankings.add(new RankFusion.Ranking(nearest, true, dense));
        }
        return config.fusion() == RagConfig.RetrievalConfig.Fusion.RANKS
                ? RankFusion.ranks(rankings, config.rrfK())
                : RankFusion.scores(rankings);
    }

    /** The vector list with each re-ranked candidate's similarity raised to its best sentence's, re-sorted. */
    static List<ScoredPassage> sharpened(
            List<ScoredPassage> nearest, Map<String, Double> bestSentences, List<RankedPassage> candidates) {
        Map<String, ScoredPassage> byId = new HashMap<>();
        for (ScoredPassage hit : nearest) {
            byId.put(hit.passage().id(), hit);
        }
        for (RankedPassage c : candidates) {
            Double sentence = bestSentences.get(c.passage().id());
            ScoredPassage hit = byId.get(c.passage().id());
            if (sentence != null && (hit == null || sentence > hit.score())) {
                byId.put(c.passage().id(), new ScoredPassage(c.passage(), sentence));
            }
        }
        List<ScoredPassage> out = new ArrayList<>(byId.values());
        out.sort(Comparator.comparingDouble(ScoredPassage::score)
                .reversed()
                .thenComparing(hit -> hit.passage().id()));
        return out;
    }
}
