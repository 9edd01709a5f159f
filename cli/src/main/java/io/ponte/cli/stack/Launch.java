package io.ponte.cli.stack;

import java.nio.file.Path;
import java.util.List;

/** The program a service's JVM runs. Paths are relative to the repository root (or absolute). */
public sealed interface Launch {

    /** The file or directory that must exist before the service can start. */
    Path artifact();

    /** The JVM arguments that name the program, with paths resolved against {@code root}. */
    List<String> programArguments(Path root);

    /** {@code java -jar <jar>}, e.g. a Quarkus fast-jar's {@code quarkus-run.jar}. */
    record Jar(Path artifact) implements Launch {
        @Override
        public List<String> programArguments(Path root) {
            return List.of("-jar", root.resolve(artifact).toString());
        }
    }

    /** {@code java -cp <classpath> <mainClass>}, for programs that are not packaged as a jar. */
    record MainClass(Path artifact, String mainClass) implements Launch {
        @Override
        public List<String> programArguments(Path root) {
            return List.of("-cp", root.resolve(artifact).toString(), mainClass);
        }
    }
}
