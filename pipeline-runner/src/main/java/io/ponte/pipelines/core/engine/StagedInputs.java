package io.ponte.pipelines.core.engine;

import io.ponte.pipelines.core.placeholder.ArtifactValue;
import io.ponte.pipelines.spi.ArtifactRef;
import io.ponte.pipelines.spi.ObjectStore;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The input artifacts of an attempt, downloaded to {@code inputs/<name>/<i>/<file>} under its
 * directory, as the task sees them ({@link #values}) and as the cache key sees them ({@link
 * #symbolic}: content hashes instead of URIs, stable names instead of paths).
 *
 * @param values the artifacts with their local paths
 * @param symbolic the same artifacts for the cache key (empty lists unless caching)
 * @param hashes content hashes by input name (empty lists unless caching)
 */
record StagedInputs(
        Map<String, List<ArtifactValue>> values,
        Map<String, List<ArtifactValue>> symbolic,
        Map<String, List<String>> hashes) {

    /** Stages the inputs; with {@code download} false (re-attaching) the files are taken as they are. */
    static StagedInputs stage(LaunchRequest req, Path dir, boolean download, ObjectStore store) throws IOException {
        Map<String, List<ArtifactValue>> values = new LinkedHashMap<>();
        Map<String, List<ArtifactValue>> symbolic = new LinkedHashMap<>();
        Map<String, List<String>> hashes = new LinkedHashMap<>();
        for (var e : req.inputArtifacts().entrySet()) {
            List<ArtifactValue> real = new ArrayList<>();
            List<ArtifactValue> sym = new ArrayList<>();
            List<String> h = new ArrayList<>();
            int i = 0;
            for (ArtifactRef ref : e.getValue()) {
                Path local = localPath(dir, e.getKey(), i++, ref.uri());
                if (download) {
                    download(store, ref.uri(), local);
                }
                real.add(new ArtifactValue(
                        ref.name(), ref.schemaTitle(), "0.0.1", ref.uri(), local.toString(), ref.metadata()));
                if (req.caching()) {
                    String hash = ref.sha256()
                            .or(() -> ContentHashes.of(store, ref.uri()))
                            .orElse("absent");
                    h.add(hash);
                    sym.add(new ArtifactValue(
                            ref.name(),
                            ref.schemaTitle(),
                            "0.0.1",
                            "sha256:" + hash,
                            "<inputs.artifacts." + e.getKey() + ".path>",
                            ref.metadata()));
                }
            }
            values.put(e.getKey(), real);
            symbolic.put(e.getKey(), sym);
            hashes.put(e.getKey(), h);
        }
        return new StagedInputs(values, symbolic, hashes);
    }

    /** Where input {@code name}'s {@code i}-th artifact is staged. */
    static Path localPath(Path dir, String name, int i, String uri) {
        return dir.resolve("inputs").resolve(name).resolve(Integer.toString(i)).resolve(WorkDirs.baseName(uri));
    }

    private static void download(ObjectStore store, String uri, Path local) throws IOException {
        try {
            store.download(uri, local);
        } catch (FileNotFoundException missing) {
            // The producer wrote nothing at this artifact's path; the consumer sees no file.
            Files.createDirectories(local.getParent());
        }
    }
}
