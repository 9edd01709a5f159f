package io.ponte.pipelines.core.engine;

import io.ponte.pipelines.core.ir.ArtifactDef;
import io.ponte.pipelines.core.placeholder.ArtifactValue;
import io.ponte.pipelines.core.placeholder.ExecutorInput;
import io.ponte.pipelines.core.placeholder.ExecutorOutputs;
import io.ponte.pipelines.core.placeholder.PlaceholderException;
import io.ponte.pipelines.core.placeholder.Placeholders;
import io.ponte.pipelines.spi.ArtifactRef;
import io.ponte.pipelines.spi.ObjectStore;
import io.ponte.pipelines.spi.TaskLaunch;
import io.ponte.pipelines.spi.TaskResult;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Stages attempts and stores what they produced; runs on worker threads. Layout of an attempt
 * directory: {@code inputs/<name>/<i>/<file>}, {@code outputs/parameters/<name>}, {@code
 * outputs/artifacts/<name>}, {@code kfp_outputs/output_metadata.json} (also mounted at {@code
 * /tmp/kfp_outputs} for runtimes with their own filesystem), {@code attempt.log}.
 */
final class Launcher {

    /** Staging failed in a way retrying cannot fix (a placeholder that does not resolve). */
    static final class LaunchFailure extends Exception {
        LaunchFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** What an attempt produced, stored. */
    record Collected(
            Map<String, Object> parameters,
            Map<String, List<ArtifactRef>> artifacts,
            Optional<String> logUri,
            Optional<String> error) {}

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
            deleteTree(dir);
        }
        Files.createDirectories(dir.resolve("outputs/parameters"));
        Files.createDirectories(dir.resolve("outputs/artifacts"));
        Files.createDirectories(dir.resolve("kfp_outputs"));
        Map<String, List<ArtifactValue>> inArtifacts = new LinkedHashMap<>();
        Map<String, List<ArtifactValue>> symbolicIn = new LinkedHashMap<>();
        Map<String, List<String>> hashes = new LinkedHashMap<>();
        for (var e : req.inputArtifacts().entrySet()) {
            List<ArtifactValue> values = new ArrayList<>();
            List<ArtifactValue> symbolic = new ArrayList<>();
            List<String> h = new ArrayList<>();
            int i = 0;
            for (ArtifactRef ref : e.getValue()) {
                Path local = dir.resolve("inputs")
                        .resolve(e.getKey())
                        .resolve(Integer.toString(i++))
                        .resolve(baseName(ref.uri()));
                if (fresh) {
                    try {
                        store.download(ref.uri(), local);
                    } catch (FileNotFoundException missing) {
                        // The producer wrote nothing at this artifact's path; the consumer sees no file.
                        Files.createDirectories(local.getParent());
                    }
                }
                values.add(new ArtifactValue(
                        ref.name(), ref.schemaTitle(), "0.0.1", ref.uri(), local.toString(), ref.metadata()));
                if (req.caching()) {
                    String hash = ref.sha256().or(() -> hash(ref.uri())).orElse("absent");
                    h.add(hash);
                    symbolic.add(new ArtifactValue(
                            ref.name(),
                            ref.schemaTitle(),
                            "0.0.1",
                            "sha256:" + hash,
                            "<inputs.artifacts." + e.getKey() + ".path>",
                            ref.metadata()));
                }
            }
            inArtifacts.put(e.getKey(), values);
            symbolicIn.put(e.getKey(), symbolic);
            hashes.put(e.getKey(), h);
        }
        Map<String, String> paramFiles = new LinkedHashMap<>();
        Map<String, String> symbolicFiles = new LinkedHashMap<>();
        for (String name : req.component().outputParameters().keySet()) {
            paramFiles.put(name, dir.resolve("outputs/parameters").resolve(name).toString());
            symbolicFiles.put(name, "<outputs.parameters." + name + ">");
        }
        Map<String, ArtifactValue> outArtifacts = new LinkedHashMap<>();
        Map<String, ArtifactValue> symbolicOut = new LinkedHashMap<>();
        String taskPrefix = req.run().prefix() + "/" + RunContext.key(req.path());
        for (ArtifactDef def : req.component().outputArtifacts().values()) {
            String uri = taskPrefix + "/" + def.name();
            outArtifacts.put(
                    def.name(),
                    new ArtifactValue(
                            def.name(),
                            def.schemaTitle(),
                            def.schemaVersion(),
                            uri,
                            dir.resolve("outputs/artifacts").resolve(def.name()).toString(),
                            Map.of()));
            symbolicOut.put(
                    def.name(),
                    new ArtifactValue(
                            def.name(),
                            def.schemaTitle(),
                            def.schemaVersion(),
                            "<outputs.artifacts." + def.name() + ".uri>",
                            "<outputs.artifacts." + def.name() + ".path>",
                            Map.of()));
        }
        Path outputFile = dir.resolve("kfp_outputs/output_metadata.json");
        Map<String, String> system = system(req);
        ExecutorInput input =
                new ExecutorInput(req.inputs(), inArtifacts, paramFiles, outArtifacts, outputFile.toString(), system);
        List<String> command;
        List<String> args;
        Map<String, String> env = new LinkedHashMap<>();
        try {
            command = Placeholders.resolve(req.container().command(), input);
            args = Placeholders.resolve(req.container().args(), input);
            for (var e : req.container().env().entrySet()) {
                env.put(e.getKey(), Placeholders.resolveString(e.getValue(), input));
            }
        } catch (PlaceholderException e) {
            throw new LaunchFailure("cannot resolve the command: " + e.getMessage(), e);
        }
        Optional<CacheKeys.Key> key = Optional.empty();
        if (req.caching()) {
            Map<String, String> symbolicSystem = new LinkedHashMap<>();
            system.keySet().forEach(k -> symbolicSystem.put(k, "<" + k + ">"));
            ExecutorInput sym = new ExecutorInput(
                    req.inputs(), symbolicIn, symbolicFiles, symbolicOut, "<output_file>", symbolicSystem);
            try {
                key = Optional.of(CacheKeys.of(
                        req.container().image(),
                        Placeholders.resolve(req.container().command(), sym),
                        Placeholders.resolve(req.container().args(), sym),
                        env,
                        req.container().resources(),
                        req.inputs(),
                        hashes));
            } catch (PlaceholderException e) {
                throw new LaunchFailure("cannot resolve the command: " + e.getMessage(), e);
            }
        }
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("ponte.io/run-id", req.run().runId());
        labels.put("ponte.io/task-path", req.path());
        labels.put("ponte.io/attempt", Integer.toString(req.attempt()));
        labels.put("ponte.io/pipeline", req.run().pipelineName());
        TaskLaunch launch = new TaskLaunch(
                req.run().runId(),
                req.path(),
                req.attempt(),
                req.container().image(),
                command,
                args,
                env,
                req.container().resources(),
                dir,
                List.of(new TaskLaunch.Mount(dir.resolve("kfp_outputs"), "/tmp/kfp_outputs", false)),
                dir.resolve("attempt.log"),
                labels,
                req.placement(),
                Optional.empty());
        return new Prepared(req, launch, paramFiles, outArtifacts, outputFile, key);
    }

    private Optional<String> hash(String uri) {
        try {
            return store.contentHash(uri);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Map<String, String> system(LaunchRequest req) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("pipeline_job_name", req.run().displayName());
        s.put("pipeline_job_resource_name", req.run().runId());
        s.put("pipeline_job_uuid", req.run().runId());
        s.put("pipeline_task_name", req.taskName());
        s.put("pipeline_task_uuid", req.run().runId() + "/" + req.path());
        s.put("pipeline_root", req.run().pipelineRoot());
        s.put("pipeline_job_create_time_utc", req.run().createdAt().toString());
        s.put("pipeline_job_schedule_time_utc", req.run().createdAt().toString());
        return s;
    }

    /** Reads and stores an ended attempt's outputs (when it succeeded) and its log. */
    Collected collect(Prepared p, TaskResult result) {
        Optional<String> logUri = uploadLog(p);
        if (!result.succeeded()) {
            return new Collected(Map.of(), Map.of(), logUri, Optional.empty());
        }
        LaunchRequest req = p.request();
        try {
            ExecutorOutputs.Produced produced =
                    ExecutorOutputs.read(req.component().outputParameters(), p.outputParameterFiles(), p.outputFile());
            for (String name : req.component().outputParameters().keySet()) {
                if (!produced.parameters().containsKey(name)) {
                    return new Collected(
                            Map.of(),
                            Map.of(),
                            logUri,
                            Optional.of("output parameter " + name + " was not written to "
                                    + p.outputParameterFiles().get(name)));
                }
            }
            Map<String, List<ArtifactRef>> artifacts = new LinkedHashMap<>();
            for (ArtifactValue a : p.outputArtifacts().values()) {
                String uri = produced.artifactUris().getOrDefault(a.name(), a.uri());
                Path local = Path.of(a.path());
                if (Files.exists(local) && uri.equals(a.uri())) {
                    store.upload(local, uri);
                }
                Optional<String> sha = req.caching() ? hash(uri) : Optional.empty();
                Map<String, Object> metadata = produced.artifactMetadata().getOrDefault(a.name(), Map.of());
                artifacts.put(a.name(), List.of(new ArtifactRef(a.name(), uri, a.schemaTitle(), metadata, sha)));
            }
            if (!settings.keepWorkDirs()) {
                deleteTree(p.launch().workDir());
            }
            return new Collected(produced.parameters(), artifacts, logUri, Optional.empty());
        } catch (IOException e) {
            return new Collected(Map.of(), Map.of(), logUri, Optional.of("cannot store outputs: " + e.getMessage()));
        }
    }

    private Optional<String> uploadLog(Prepared p) {
        Path log = p.launch().logFile();
        if (!Files.isRegularFile(log)) {
            return Optional.empty();
        }
        String uri = logUri(p.request().run(), p.request().path(), p.request().attempt());
        try {
            store.upload(log, uri);
            return Optional.of(uri);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static String logUri(RunContext run, String path, int attempt) {
        return run.prefix() + "/logs/" + RunContext.key(path) + "/attempt-" + attempt + ".log";
    }

    private static String baseName(String uri) {
        String s = uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
        int slash = s.lastIndexOf('/');
        String name = slash < 0 ? s : s.substring(slash + 1);
        return name.isEmpty() || name.contains(":") ? "artifact" : name;
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path f : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }
}
