package io.ponte.pipelines.core.engine;

import io.ponte.pipelines.core.placeholder.ExecutorInput;
import io.ponte.pipelines.spi.ObjectStore;
import io.ponte.pipelines.spi.TaskLaunch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Stages attempts on this host; runs on worker threads. Layout of an attempt directory: {@code
 * inputs/<name>/<i>/<file>}, {@code outputs/parameters/<name>}, {@code outputs/artifacts/<name>},
 * {@code kfp_outputs/output_metadata.json}, {@code attempt.log}. Runtimes with their own filesystem
 * also get the {@linkplain ArtifactMounts mounts} KFP components expect.
 */
final class Launcher {

    private final EngineSettings settings;
    private final ObjectStore store;

    Launcher(EngineSettings settings, ObjectStore store) {
        this.settings = settings;
        this.store = store;
    }

    Path attemptDir(String runId, String path, int attempt) {
        return settings.workDir().resolve(runId).resolve(RunContext.key(path)).resolve("attempt-" + attempt);
    }

    /** Stages an attempt; with {@code fresh} false (re-attaching) nothing is downloaded or deleted. */
    Prepared prepare(LaunchRequest req, boolean fresh) throws IOException, LaunchFailure {
        Path dir = attemptDir(req.run().runId(), req.path(), req.attempt());
        if (fresh) {
            WorkDirs.deleteTree(dir);
        }
        Files.createDirectories(dir.resolve("outputs/parameters"));
        Files.createDirectories(dir.resolve("outputs/artifacts"));
        Files.createDirectories(dir.resolve("kfp_outputs"));
        StagedInputs inputs = StagedInputs.stage(req, dir, fresh, store);
        StagedOutputs outputs = StagedOutputs.of(req, dir);
        Path outputFile = dir.resolve("kfp_outputs/output_metadata.json");
        Map<String, String> system = SystemValues.of(req);
        ExecutorInput input = new ExecutorInput(
                req.inputs(),
                inputs.values(),
                outputs.parameterFiles(),
                outputs.artifacts(),
                outputFile.toString(),
                system);
        ResolvedCommand resolved = ResolvedCommand.of(req.container(), input);
        Optional<CacheKeys.Key> key = req.caching()
                ? Optional.of(ResolvedCommand.cacheKey(req, inputs, outputs, system, resolved.env()))
                : Optional.empty();
        TaskLaunch launch = new TaskLaunch(
                req.run().runId(),
                req.path(),
                req.attempt(),
                req.container().image(),
                resolved.command(),
                resolved.args(),
                resolved.env(),
                req.container().resources(),
                dir,
                ArtifactMounts.of(dir, req, inputs, outputs),
                dir.resolve("attempt.log"),
                labels(req),
                req.placement(),
                Optional.empty());
        return new Prepared(req, launch, outputs.parameterFiles(), outputs.artifacts(), outputFile, key);
    }

    private static Map<String, String> labels(LaunchRequest req) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("ponte.io/run-id", req.run().runId());
        labels.put("ponte.io/task-path", req.path());
        labels.put("ponte.io/attempt", Integer.toString(req.attempt()));
        labels.put("ponte.io/pipeline", req.run().pipelineName());
        return labels;
    }

    static String logUri(RunContext run, String path, int attempt) {
        return run.prefix() + "/logs/" + RunContext.key(path) + "/attempt-" + attempt + ".log";
    }
}
