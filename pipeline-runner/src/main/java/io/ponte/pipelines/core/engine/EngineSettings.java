package io.ponte.pipelines.core.engine;

import io.ponte.pipelines.core.plan.Routing;
import java.nio.file.Path;

/**
 * How the engine runs.
 *
 * @param workDir where attempts are staged on this host
 * @param defaultPipelineRoot where artifacts go when neither the run nor the IR says, e.g. {@code s3://ponte-pipelines/runs}
 * @param cachingEnabled false turns caching off for every run
 * @param routing the default executor and named placements
 * @param keepWorkDirs keep staged attempt directories after their outputs were stored
 * @param maxRunningTasksPerRun at most this many attempts of one run at once
 * @param workerThreads threads that stage inputs, start attempts and store their outputs
 */
public record EngineSettings(
        Path workDir,
        String defaultPipelineRoot,
        boolean cachingEnabled,
        Routing routing,
        boolean keepWorkDirs,
        int maxRunningTasksPerRun,
        int workerThreads) {

    public static EngineSettings defaults(Path workDir) {
        return new EngineSettings(workDir, "s3://ponte-pipelines/runs", true, Routing.local(), false, 64, 8);
    }

    public EngineSettings withRouting(Routing r) {
        return new EngineSettings(
                workDir, defaultPipelineRoot, cachingEnabled, r, keepWorkDirs, maxRunningTasksPerRun, workerThreads);
    }

    public EngineSettings withCaching(boolean enabled) {
        return new EngineSettings(
                workDir, defaultPipelineRoot, enabled, routing, keepWorkDirs, maxRunningTasksPerRun, workerThreads);
    }

    public EngineSettings withMaxRunning(int n) {
        return new EngineSettings(
                workDir, defaultPipelineRoot, cachingEnabled, routing, keepWorkDirs, n, workerThreads);
    }
}
