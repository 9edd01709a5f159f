package io.ponte.pipelines.core.engine;

import io.ponte.pipelines.core.ir.ExecutorIr;
import io.ponte.pipelines.spi.ArtifactRef;
import io.ponte.pipelines.spi.CacheEntry;
import io.ponte.pipelines.spi.TaskState;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An importer task: its output is the artifact at its URI (constant or from an input), as KFP's
 * importer registers it. With {@code reimport: false} (the SDK's default) an artifact of the same
 * URI and type imported before, by any run, is reused as it was registered then (its metadata);
 * with {@code reimport: true} it is registered again with this task's metadata. Registrations are
 * kept in the run store beside the cache entries (evicting the cache forgets them). The artifact's
 * content hash is never frozen: consumers' cache keys hash the object as it is when they run.
 */
final class Importing {

    private Importing() {}

    static void importArtifact(RunExecution run, Node node) {
        ExecutorIr.Importer imp = (ExecutorIr.Importer) node.executor;
        String uri = imp.constantUri()
                .orElseGet(
                        () -> String.valueOf(node.inputs.get(imp.uriParameter().orElseThrow())));
        String output =
                node.component.outputArtifacts().keySet().stream().findFirst().orElse("artifact");
        String key = registrationKey(uri, imp.schemaTitle());
        Optional<CacheEntry> earlier =
                imp.reimport() ? Optional.empty() : run.ctx.store().cacheLookup(key);
        if (earlier.isPresent() && earlier.get().outputArtifacts().containsKey("artifact")) {
            CacheEntry e = earlier.get();
            ArtifactRef registered = e.outputArtifacts().get("artifact").get(0);
            node.outputArtifacts.put(
                    output,
                    List.of(new ArtifactRef(output, uri, imp.schemaTitle(), registered.metadata(), Optional.empty())));
            run.finish(
                    node,
                    TaskState.SUCCEEDED,
                    Optional.of("imported " + uri + ": reused the artifact registered by task " + e.taskPath()
                            + " of run " + e.runId() + " at " + e.createdAt() + " (reimport is false)"),
                    Optional.empty());
            return;
        }
        Map<String, Object> metadata = Importers.metadata(imp.metadata(), node.inputs);
        ArtifactRef ref = new ArtifactRef(output, uri, imp.schemaTitle(), metadata, Optional.empty());
        if (imp.reimport()) {
            run.ctx.store().cacheEvict(Optional.of(key));
        }
        run.ctx
                .store()
                .cachePut(new CacheEntry(
                        key,
                        "imported artifact " + uri + " (" + imp.schemaTitle() + ")",
                        run.runId(),
                        node.path,
                        Map.of(),
                        Map.of("artifact", List.of(ref)),
                        Instant.now()));
        node.outputArtifacts.put(output, List.of(ref));
        run.finish(
                node,
                TaskState.SUCCEEDED,
                Optional.of("imported " + uri + (imp.reimport() ? " (registered again: reimport is true)" : "")),
                Optional.empty());
    }

    /** The store key of an artifact's registration: its URI and type. */
    static String registrationKey(String uri, String schemaTitle) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256")
                    .digest((uri + "\n" + schemaTitle).getBytes(StandardCharsets.UTF_8));
            return "importer:" + HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
