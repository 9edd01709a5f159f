package io.ponte.rag.core.retrieve;

import io.ponte.rag.config.RagConfig;
import io.ponte.rag.core.ScoredPassage;
import io.ponte.rag.core.SearchFilter;
import io.ponte.rag.spi.Embedder;
import io.ponte.rag.spi.PassageIndex;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the passages that answer a question: BM25 over words and identifiers, nearest neighbours over meaning,
 * fused by reciprocal rank, optionally re-ranked; and decides whether the evidence covers the question at all.
 */
@ApplicationScoped
public class HybridRetriever {

    private final PassageIndex index;
    private final Embedder embedder;
    private final QueryAnalyzer analyzer;
    private final Reranker reranker;
    private final RagConfig.RetrievalConfig config;

    public HybridRetriever(
            PassageIndex index, Embedder embedder, QueryAnalyzer analyzer, Reranker reranker, RagConfig config) {
        this.index = index;
        this.embedder = embedder;
        this.analyzer = analyzer;
        this.reranker = reranker;
        this.config = config.retrieval();
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
        List<RankFusion.Ranking> rankings = new ArrayList<>();
        if (mode != RetrievalMode.DENSE) {
            rankings.add(new RankFusion.Ranking(index.keyword(collection, query.english(), candidates, filter), false));
            if (!query.english().equals(query.original())) {
                rankings.add(
                        new RankFusion.Ranking(index.keyword(collection, query.original(), candidates, filter), false));
            }
        }
        float[] vector = embedder.embed(query.english());
        List<ScoredPassage> nearest = index.nearest(collection, vector, candidates, filter);
        if (mode != RetrievalMode.KEYWORD) {
            rankings.add(new RankFusion.Ranking(nearest, true));
        }
        List<RankedPassage> ranked = RankFusion.fuse(rankings, config.rrfK());
        if (mode == RetrievalMode.HYBRID_RERANK) {
            ranked = reranker.rerank(query, vector, ranked);
        }
        double coverage = nearest.isEmpty() ? 0 : nearest.get(0).score();
        boolean covered = coverage >= config.minSimilarity();
        return new Retrieval(
                question, query, List.copyOf(ranked.subList(0, Math.min(k, ranked.size()))), covered, coverage);
    }
}
