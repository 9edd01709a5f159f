package io.ponte.rag.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every {@code ponte.rag.*} setting. */
@ConfigMapping(prefix = "ponte.rag")
public interface RagConfig {

    /** Where the Lucene index lives (relative to the working directory; {@code ponte up} runs rag in .ponte/data/rag). */
    @WithDefault("rag-index")
    Path indexDir();

    /**
     * Directories that ingestion may read. A request naming a path outside all of them is refused. Empty: only the
     * directories of {@link #ingestOnStart()}.
     */
    Optional<List<Path>> allowedRoots();

    /** Collections to ingest (incrementally) when the service starts: collection name → directory. */
    Map<String, Path> ingestOnStart();

    /** The collection a question goes to when it names none. */
    @WithDefault("docs")
    String defaultCollection();

    /** Retrieval tuning. */
    RetrievalConfig retrieval();

    /** The language model that writes answers; without one, answers are extractive. */
    LlmConfig llm();

    /** How passages are found and ranked, and when the documentation is judged not to cover a question. */
    interface RetrievalConfig {

        /** Passages returned with an answer; the coverage judgement weighs these. */
        @WithDefault("5")
        @Min(1)
        @Max(50)
        int topK();

        /** Candidates each retriever (keyword, vector) contributes to the fusion. */
        @WithDefault("40")
        @Min(1)
        @Max(500)
        int candidates();

        /**
         * How the keyword and vector lists are fused: {@code scores} (default) adds the cosine similarity and the
         * BM25 score relative to the list's best, weighted by {@link #denseWeight()}; {@code ranks} is weighted
         * reciprocal rank fusion with {@link #rrfK()}. A passage missing from one list counts that list's last
         * score (or rank): it can be no better than that.
         */
        @WithDefault("scores")
        Fusion fusion();

        /**
         * The vector list's share of the fused score (the keyword lists get the rest): 0 is keyword search only, 1
         * vector search only.
         */
        @WithDefault("0.6")
        @DecimalMin("0.0")
        @DecimalMax("1.0")
        double denseWeight();

        /**
         * For a question that was translated (Italian), how much the keyword search with the question's own words
         * counts beside the search with the English words (1: as much). It finds identifiers in any language and
         * the few documents written in Italian.
         */
        @WithDefault("0.5")
        @DecimalMin("0.0")
        @DecimalMax("1.0")
        double originalKeywordWeight();

        /** The k of reciprocal rank fusion, 1 / (k + rank), when {@link #fusion()} is {@code ranks}. */
        @WithDefault("60")
        @Min(1)
        int rrfK();

        /**
         * Whether to re-rank the best fused candidates by the similarity of their best sentence to the question
         * (a passage is as relevant as its most relevant sentence); slower: it embeds those sentences.
         */
        @WithDefault("false")
        boolean rerank();

        /**
         * How many of the best fused candidates the re-ranker reads, sentence by sentence (up to 6 sentences each,
         * embedded at a few milliseconds each on two cores).
         */
        @WithDefault("2")
        @Min(1)
        @Max(50)
        int rerankDepth();

        /**
         * The least cosine similarity between the question and its nearest passage for the question to count as
         * covered at all; below it the answer is a refusal whatever else is found.
         */
        @WithDefault("0.30")
        @DecimalMin("0.0")
        @DecimalMax("1.0")
        double minSimilarity();

        /**
         * The least evidence for the question to count as covered. The evidence of a returned passage is its
         * similarity to the question scaled by how much of the question's wording it contains, {@code similarity
         * × (1 − w + w × term coverage)} with w = {@link #lexicalWeight()}; term coverage weighs each content word
         * of the question by its rarity in the collection (inverse document frequency), so a missing product name
         * counts for more than a missing common word. The best returned passage decides.
         */
        @WithDefault("0.32")
        @DecimalMin("0.0")
        @DecimalMax("1.0")
        double minEvidence();

        /** The w of {@link #minEvidence()}: how much of the evidence depends on the question's words (0: none). */
        @WithDefault("0.5")
        @DecimalMin("0.0")
        @DecimalMax("1.0")
        double lexicalWeight();

        /**
         * Whether a question that names something no passage of the collection contains (a product, a site, a
         * compound term: {@code Loki}, {@code Frascati}, {@code CPU-hour}) is refused whatever its evidence. Names are
         * acronyms, CamelCase words, words with digits and capitalised words inside a sentence; version numbers
         * are not names.
         */
        @WithDefault("true")
        boolean refuseUnknownNames();

        /** How ranked lists are fused. */
        enum Fusion {
            /** Weighted sum of the cosine and of the relative BM25 score. */
            SCORES,
            /** Weighted reciprocal rank fusion. */
            RANKS
        }
    }

    /** An OpenAI-compatible chat endpoint (the Ponte router in production). */
    interface LlmConfig {

        /** Base URL including /v1, e.g. {@code http://127.0.0.1:8080/v1}. Absent: extractive answers. */
        Optional<String> baseUrl();

        /** The model name to ask for. */
        @WithDefault("default")
        String model();

        /** Bearer key for the endpoint; never logged. */
        Optional<String> apiKey();

        /** Deadline for one answer. */
        @WithDefault("60s")
        Duration timeout();

        /** Sampling temperature. */
        @WithDefault("0.1")
        double temperature();
    }
}
