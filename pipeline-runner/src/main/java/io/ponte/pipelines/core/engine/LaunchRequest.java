package io.ponte.pipelines.core.engine;

import io.ponte.pipelines.core.ir.ComponentIr;
import io.ponte.pipelines.core.ir.ExecutorIr;
import io.ponte.pipelines.spi.ArtifactRef;
import io.ponte.pipelines.spi.TaskLaunch.Placement;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What a worker needs to stage and start one attempt: a snapshot taken on the run's executor. */
record LaunchRequest(
        RunContext run,
        String path,
        String taskName,
        int attempt,
        ExecutorIr.Container container,
        ComponentIr component,
        Map<String, Object> inputs,
        Map<String, List<ArtifactRef>> inputArtifacts,
        String executorName,
        Optional<Placement> placement,
        boolean caching) {}
