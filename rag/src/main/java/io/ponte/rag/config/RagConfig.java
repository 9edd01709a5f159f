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

    /** How passages are found and ranked. */
    interface RetrievalConfig {

        /** Passages returned with an answer. */
        @WithDefault("5")
        @Min(1)
        @Max(50)
        int topK();

        /** Candidates each retriever (keyword, vector) contributes to the fusion. */
        @WithDefault("40")
        @Min(1)
        @Max(500)
        int candidates();

        /** The k of reciprocal rank fusion: 1 / (k + rank). */
        @WithDefault("60")
        @Min(1)
        int rrfK();

        /** Whether to re-rank the fused candidates (sentence-level similarity); slower, usually better. */
        @WithDefault("false")
        boolean rerank();

        /**
         * The least cosine similarity between the question and the best passage for the question to count as
         * covered by the documentation; below it the answer is a refusal.
         */
        @WithDefault("0.30")
        @DecimalMin("0.0")
        @DecimalMax("1.0")
        double minSimilarity();
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
