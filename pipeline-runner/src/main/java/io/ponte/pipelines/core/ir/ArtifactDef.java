package io.ponte.pipelines.core.ir;

/**
 * An input or output artifact of a component.
 *
 * @param name the artifact name
 * @param schemaTitle its type, e.g. {@code system.Dataset}
 * @param schemaVersion the type's version
 * @param list whether it is a list of artifacts (fan-in of a ParallelFor)
 * @param optional whether it may be left unset
 */
public record ArtifactDef(String name, String schemaTitle, String schemaVersion, boolean list, boolean optional) {}
