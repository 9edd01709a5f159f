package io.ponte.cli;

import io.ponte.cli.stack.ServiceCatalog;
import java.nio.file.Path;
import java.util.Map;

/**
 * What every command works on.
 *
 * @param root the repository root: module paths in the catalogue are relative to it, and the
 *     state directory defaults to {@code .ponte/} in it
 * @param catalog the services of the stack
 * @param env the environment variables consulted ({@code PONTE_HOME}, the port variables)
 */
record Workspace(Path root, ServiceCatalog catalog, Map<String, String> env) {

    /** System property by which the launcher script names the repository root. */
    static final String ROOT_PROPERTY = "ponte.root";

    Workspace {
        root = root.toAbsolutePath().normalize();
        env = Map.copyOf(env);
    }

    /** The standard stack, rooted where the launcher says, else in the current directory. */
    static Workspace fromSystem() {
        return new Workspace(
                Path.of(System.getProperty(ROOT_PROPERTY, "")), ServiceCatalog.standard(), System.getenv());
    }
}
