package io.ponte.pipelines.core.engine;

import io.ponte.pipelines.core.ir.ArtifactDef;
import io.ponte.pipelines.core.placeholder.ArtifactValue;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where an attempt writes its outputs: a file per output parameter under {@code
 * outputs/parameters/}, a file or directory per output artifact under {@code outputs/artifacts/},
 * each artifact stored at {@code <run prefix>/<task key>/<output name>}; and the same for the cache
 * key with stable names instead of paths and URIs.
 *
 * @param parameterFiles output parameter name to local file
 * @param artifacts output artifacts with their URIs and local paths
 * @param symbolicFiles output parameter files for the cache key
 * @param symbolicArtifacts output artifacts for the cache key
 */
record StagedOutputs(
        Map<String, String> parameterFiles,
        Map<String, ArtifactValue> artifacts,
        Map<String, String> symbolicFiles,
        Map<String, ArtifactValue> symbolicArtifacts) {

    static StagedOutputs of(LaunchRequest req, Path dir) {
        Map<String, String> files = new LinkedHashMap<>();
        Map<String, String> symbolicFiles = new LinkedHashMap<>();
        for (String name : req.component().outputParameters().keySet()) {
            files.put(name, dir.resolve("outputs/parameters").resolve(name).toString());
            symbolicFiles.put(name, "<outputs.parameters." + name + ">");
        }
        Map<String, ArtifactValue> artifacts = new LinkedHashMap<>();
        Map<String, ArtifactValue> symbolic = new LinkedHashMap<>();
        String taskPrefix = taskPrefix(req);
        for (ArtifactDef def : req.component().outputArtifacts().values()) {
            artifacts.put(
                    def.name(),
                    new ArtifactValue(
                            def.name(),
                            def.schemaTitle(),
                            def.schemaVersion(),
                            taskPrefix + "/" + def.name(),
                            dir.resolve("outputs/artifacts").resolve(def.name()).toString(),
                            Map.of()));
            symbolic.put(
                    def.name(),
                    new ArtifactValue(
                            def.name(),
                            def.schemaTitle(),
                            def.schemaVersion(),
                            "<outputs.artifacts." + def.name() + ".uri>",
                            "<outputs.artifacts." + def.name() + ".path>",
                            Map.of()));
        }
        return new StagedOutputs(files, artifacts, symbolicFiles, symbolic);
    }

    /** The storage prefix of the task's output artifacts: {@code <run prefix>/<task key>}. */
    static String taskPrefix(LaunchRequest req) {
        return req.run().prefix() + "/" + RunContext.key(req.path());
    }
}
