package io.ponte.pipelines.core.engine;

import io.ponte.pipelines.core.placeholder.ArtifactValue;
import io.ponte.pipelines.core.placeholder.ExecutorOutputs;
import io.ponte.pipelines.spi.ArtifactRef;
import io.ponte.pipelines.spi.ObjectStore;
import io.ponte.pipelines.spi.TaskResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Takes what an ended attempt produced: its log (always), and when it succeeded its output
 * parameters (from their files, then the ExecutorOutput) and output artifacts (uploaded). Runs on
 * worker threads.
 */
final class OutputCollector {

    private final EngineSettings settings;
    private final ObjectStore store;

    OutputCollector(EngineSettings settings, ObjectStore store) {
        this.settings = settings;
        this.store = store;
    }

    /**
     * Takes the outputs; the log is handed to {@code logs} to upload in the background (the attempt
     * record names its URI at once), and a succeeded attempt's directory is deleted after that upload.
     */
    Collected collect(Prepared p, TaskResult result, LogUploads logs) {
        boolean deleteDir = false;
        try {
            Collected c = collectOutputs(p, result);
            deleteDir = result.succeeded() && c.error().isEmpty() && !settings.keepWorkDirs();
            return c;
        } finally {
            Optional<String> logUri = logUri(p);
            Path dir = p.launch().workDir();
            if (logUri.isPresent()) {
                logs.upload(p.launch().logFile(), logUri.get(), deleteDir ? dir : null);
            } else if (deleteDir) {
                try {
                    WorkDirs.deleteTree(dir);
                } catch (IOException e) {
                    // Left behind: only disk space.
                }
            }
        }
    }

    private Collected collectOutputs(Prepared p, TaskResult result) {
        Optional<String> logUri = logUri(p);
        if (!result.succeeded()) {
            return new Collected(Map.of(), Map.of(), logUri, Optional.empty());
        }
        LaunchRequest req = p.request();
        try {
            ExecutorOutputs.Produced produced =
                    ExecutorOutputs.read(req.component().outputParameters(), p.outputParameterFiles(), p.outputFile());
            for (String name : req.component().outputParameters().keySet()) {
                if (!produced.parameters().containsKey(name)) {
                    return Collected.failed(
                            logUri,
                            "output parameter " + name + " was not written to "
                                    + p.outputParameterFiles().get(name));
                }
            }
            Map<String, List<ArtifactRef>> artifacts = new LinkedHashMap<>();
            for (ArtifactValue a : p.outputArtifacts().values()) {
                artifacts.put(a.name(), List.of(store(a, produced, req.caching())));
            }
            return new Collected(produced.parameters(), artifacts, logUri, Optional.empty());
        } catch (IOException e) {
            return Collected.failed(logUri, "cannot store outputs: " + e.getMessage());
        }
    }

    /** Uploads an output artifact unless the ExecutorOutput points it elsewhere. */
    private ArtifactRef store(ArtifactValue a, ExecutorOutputs.Produced produced, boolean caching) throws IOException {
        String uri = produced.artifactUris().getOrDefault(a.name(), a.uri());
        Path local = Path.of(a.path());
        if (Files.exists(local) && uri.equals(a.uri())) {
            store.upload(local, uri);
        }
        Optional<String> sha = caching ? ContentHashes.of(store, uri) : Optional.empty();
        Map<String, Object> metadata = produced.artifactMetadata().getOrDefault(a.name(), Map.of());
        return new ArtifactRef(a.name(), uri, a.schemaTitle(), metadata, sha);
    }

    /** Where the attempt's log goes, when it wrote one. */
    private static Optional<String> logUri(Prepared p) {
        if (!Files.isRegularFile(p.launch().logFile())) {
            return Optional.empty();
        }
        return Optional.of(Launcher.logUri(
                p.request().run(), p.request().path(), p.request().attempt()));
    }
}
