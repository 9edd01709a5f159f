package io.ponte.pipelines.core.placeholder;

import java.util.Map;

/**
 * An artifact as a task sees it.
 *
 * @param name the artifact's name in the store (e.g. the producer's output key)
 * @param schemaTitle its type
 * @param schemaVersion its type version
 * @param uri where it is stored ({@code s3://...})
 * @param path where the task reads or writes it on the task's filesystem
 * @param metadata its metadata
 */
public record ArtifactValue(
        String name, String schemaTitle, String schemaVersion, String uri, String path, Map<String, Object> metadata) {}
