package io.ponte.pipelines.core.engine;

import io.ponte.pipelines.core.plan.Routing;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

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
 * @param runnerId this runner's id in run claims: runners sharing a store need distinct ids, and a
 *     runner that restarts under the same id takes its runs back at once
 * @param runLease how long a run claim holds unless renewed (renewed every third of it); another
 *     runner takes over a run whose claim ended
 * @param clock the time claims are measured by
 */
public record EngineSettings(
        Path workDir,
        String defaultPipelineRoot,
        boolean cachingEnabled,
        Routing routing,
        boolean keepWorkDirs,
        int maxRunningTasksPerRun,
        int workerThreads,
        String runnerId,
        Duration runLease,
        Clock clock) {

    public static EngineSettings defaults(Path workDir) {
        return new EngineSettings(
                workDir,
                "s3://ponte-pipelines/runs",
                true,
                Routing.local(),
                false,
                64,
                8,
                hostName(),
                Duration.ofSeconds(30),
                Clock.systemUTC());
    }

    /** This host's name: the default runner id. */
    public static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "runner";
        }
    }

    public EngineSettings withRouting(Routing r) {
        return new EngineSettings(
                workDir,
                defaultPipelineRoot,
                cachingEnabled,
                r,
                keepWorkDirs,
                maxRunningTasksPerRun,
                workerThreads,
                runnerId,
                runLease,
                clock);
    }

    public EngineSettings withCaching(boolean enabled) {
        return new EngineSettings(
                workDir,
                defaultPipelineRoot,
                enabled,
                routing,
                keepWorkDirs,
                maxRunningTasksPerRun,
                workerThreads,
                runnerId,
                runLease,
                clock);
    }

    public EngineSettings withMaxRunning(int n) {
        return new EngineSettings(
                workDir,
                defaultPipelineRoot,
                cachingEnabled,
                routing,
                keepWorkDirs,
                n,
                workerThreads,
                runnerId,
                runLease,
                clock);
    }

    /** The same settings for another runner identity, claim lease and clock. */
    public EngineSettings withRunner(String id, Duration lease, Clock c) {
        return new EngineSettings(
                workDir,
                defaultPipelineRoot,
                cachingEnabled,
                routing,
                keepWorkDirs,
                maxRunningTasksPerRun,
                workerThreads,
                id,
                lease,
                c);
    }
}
