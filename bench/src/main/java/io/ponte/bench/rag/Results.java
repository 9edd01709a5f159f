package io.ponte.bench.rag;

import io.ponte.bench.common.Git;
import io.ponte.bench.common.Machine;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** Everything one run measured. */
record Results(
        String date,
        Machine machine,
        Git git,
        String httpClient,
        Params params,
        Corpus corpus,
        List<IngestStep> fullTries,
        List<CorpusBaseline> corpusBaselines,
        List<IngestStep> reingests,
        List<QueryRounds.Outcome> hybridTries,
        List<QueryRounds.Outcome> rerankTries,
        List<ServiceRun> services) {

    /** The corpus copy and the files the re-ingest phases change, relative to the corpus. */
    record Corpus(int files, long bytes, String medianFile, long medianBytes, String largestFile, long largestBytes) {
        JsonObject toJson() {
            return new JsonObject()
                    .put("files", files)
                    .put("bytes", bytes)
                    .put("changed_median_file", medianFile)
                    .put("changed_median_file_bytes", medianBytes)
                    .put("changed_largest_file", largestFile)
                    .put("changed_largest_file_bytes", largestBytes);
        }
    }

    /** The full ingest the report stands on: the try least disturbed by other programs. */
    IngestStep full() {
        return least(fullTries, s -> s.cpu().othersPercent());
    }

    QueryRounds.Outcome hybrid() {
        return least(hybridTries, o -> o.cpu().othersPercent());
    }

    QueryRounds.Outcome rerank() {
        return least(rerankTries, o -> o.cpu().othersPercent());
    }

    List<IngestStep> reingests(String phase) {
        return reingests.stream().filter(s -> s.phase().equals(phase)).toList();
    }

    /** The corpus baseline with these session settings, or null when it was not run. */
    CorpusBaseline corpusBaseline(EmbeddingBaseline.Variant variant) {
        return corpusBaselines.stream()
                .filter(b -> b.variant() == variant)
                .findFirst()
                .orElse(null);
    }

    ServiceRun service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
    }

    private static <T> T least(List<T> tries, ToDoubleFunction<T> others) {
        return tries.stream()
                .min(Comparator.comparingDouble(t -> RagBench.quiet(others.applyAsDouble(t))))
                .orElseThrow();
    }

    JsonObject toJson() {
        var full = new JsonArray();
        fullTries.forEach(s -> full.add(s.toJson()));
        var baselines = new JsonArray();
        corpusBaselines.forEach(b -> baselines.add(b.toJson()));
        var re = new JsonArray();
        reingests.forEach(s -> re.add(s.toJson()));
        var hybrid = new JsonArray();
        hybridTries.forEach(o -> hybrid.add(o.toJson()));
        var rerank = new JsonArray();
        rerankTries.forEach(o -> rerank.add(o.toJson()));
        var svc = new JsonArray();
        services.forEach(s -> svc.add(s.toJson()));
        return new JsonObject()
                .put("date", date)
                .put("machine", machine.toJson())
                .put("git", git.toJson())
                .put("http_client", httpClient)
                .put("params", params.toJson())
                .put("corpus", corpus.toJson())
                .put("full_ingest_tries", full)
                .put("corpus_embedding_baselines", baselines)
                .put("reingests", re)
                .put("query_hybrid_tries", hybrid)
                .put("query_rerank_tries", rerank)
                .put("services", svc);
    }
}
