package io.ponte.pipelines.core.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** File helpers for attempt staging directories. */
final class WorkDirs {

    private WorkDirs() {}

    /** Deletes a directory and everything under it; nothing when it does not exist. */
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

    /** The last segment of a URI, as a local file name ({@code artifact} when it has none). */
    static String baseName(String uri) {
        String s = uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
        int slash = s.lastIndexOf('/');
        String name = slash < 0 ? s : s.substring(slash + 1);
        return name.isEmpty() || name.contains(":") ? "artifact" : name;
    }
}
