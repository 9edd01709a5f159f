package io.ponte.pipelines.spi;

import java.util.Map;
import java.util.Optional;

/**
 * An artifact a task produced or consumed.
 *
 * @param name the artifact's name
 * @param uri where it is stored
 * @param schemaTitle its type, e.g. {@code system.Model}, {@code system.Dataset}
 * @param metadata its metadata (from the executor output)
 * @param sha256 content hash, once known
 */
public record ArtifactRef(
        String name, String uri, String schemaTitle, Map<String, Object> metadata, Optional<String> sha256) {}
