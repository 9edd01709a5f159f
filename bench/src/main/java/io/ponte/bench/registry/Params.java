package io.ponte.bench.registry;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** The settings a run used, after --quick and explicit options are resolved. */
record Params(
        boolean quick,
        String label,
        int models,
        int versionsPerModel,
        int loadClients,
        List<Integer> concurrency,
        double warmupSeconds,
        long getRequests,
        long filterRequests,
        long edgeRequests,
        long createRequests,
        int pageSize,
        double maxPhaseSeconds,
        long seed,
        double getTargetMs,
        double filterTargetMs,
        double maxOthersPercent,
        int quietTries) {

    JsonObject toJson() {
        return new JsonObject()
                .put("quick", quick)
                .put("label", label)
                .put("registered_models", models)
                .put("versions_per_model", versionsPerModel)
                .put("load_clients", loadClients)
                .put("concurrency", new JsonArray(concurrency))
                .put("warmup_seconds", warmupSeconds)
                .put("get_requests", getRequests)
                .put("filter_requests", filterRequests)
                .put("edge_requests_per_shape", edgeRequests)
                .put("create_requests", createRequests)
                .put("page_size", pageSize)
                .put("max_phase_seconds", maxPhaseSeconds)
                .put("seed", seed)
                .put("get_p99_target_ms", getTargetMs)
                .put("filter_p99_target_ms", filterTargetMs)
                .put("max_others_percent", maxOthersPercent)
                .put("quiet_tries", quietTries);
    }
}
