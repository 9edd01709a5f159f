package io.ponte.pipelines.adapter.local;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether a program is installed. */
final class Tools {
    private Tools() {}

    static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
