package io.ponte.bench.rag;

import io.ponte.bench.common.Quiet;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The settings a run used, after --quick and explicit options are resolved. */
record Params(
        boolean quick,
        String label,
        String collection,
        int warmupRounds,
        int rounds,
        int repeats,
        int tries,
        double maxOthersPercent,
        int quietWaitSeconds,
        long seed,
        List<EmbeddingBaseline.Variant> baselines,
        List<String> jvmFlags,
        Optional<String> cpus,
        Targets targets) {

    /** The targets. */
    record Targets(
            double fullIngestSeconds, double reingestSeconds, double retrievalP95Ms, double rerankP95Ms, double rssMb) {
        JsonObject toJson() {
            return new JsonObject()
                    .put("full_ingest_seconds", fullIngestSeconds)
                    .put("reingest_one_changed_seconds", reingestSeconds)
                    .put("retrieval_p95_ms", retrievalP95Ms)
                    .put("retrieval_rerank_p95_ms", rerankP95Ms)
                    .put("rss_mb", rssMb);
        }
    }

    /** Waits (at most {@link #quietWaitSeconds}) for the machine to be under {@link #maxOthersPercent} busy. */
    void awaitQuiet() throws InterruptedException {
        if (!Quiet.await(maxOthersPercent, Duration.ofSeconds(quietWaitSeconds))) {
            RagBench.log("  machine still busy after %d s; measuring anyway", quietWaitSeconds);
        }
    }

    JsonObject toJson() {
        return new JsonObject()
                .put("quick", quick)
                .put("label", label)
                .put("collection", collection)
                .put("warmup_rounds", warmupRounds)
                .put("rounds", rounds)
                .put("reingest_repeats", repeats)
                .put("tries", tries)
                .put("max_others_percent", maxOthersPercent)
                .put("quiet_wait_seconds", quietWaitSeconds)
                .put("seed", seed)
                .put(
                        "corpus_baselines",
                        new JsonArray(baselines.stream().map(Enum::name).toList()))
                .put("service_jvm_flags", new JsonArray(jvmFlags))
                .put("service_cpus", cpus.orElse(null))
                .put("targets", targets.toJson());
    }
}
