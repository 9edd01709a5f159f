package io.ponte.pipelines.core.engine;

import java.time.Instant;

/** Facts about a run that every attempt needs. */
record RunContext(String runId, String displayName, String pipelineName, String pipelineRoot, Instant createdAt) {

    /** The storage prefix of the run: {@code <pipelineRoot>/<runId>}. */
    String prefix() {
        return (pipelineRoot.endsWith("/") ? pipelineRoot : pipelineRoot + "/") + runId;
    }

    /** A task path as a storage key: {@code root/loop[2]/train} becomes {@code root/loop/2/train}. */
    static String key(String taskPath) {
        return taskPath.replace("[", "/").replace("]", "");
    }
}
