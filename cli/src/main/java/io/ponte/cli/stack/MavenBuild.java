package io.ponte.cli.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the repository's Maven wrapper to package modules, with the output on the terminal. */
public final class MavenBuild {
    private final Path root;

    public MavenBuild(Path root) {
        this.root = root;
    }

    /** The command that packages {@code modules} and the modules they depend on, without tests. */
    public List<String> command(List<String> modules) {
        List<String> command = new ArrayList<>(List.of(root.resolve("mvnw").toString(), "-B", "-q", "-DskipTests"));
        command.addAll(List.of("-pl", String.join(",", modules), "-am", "package"));
        return command;
    }

    /** Packages {@code modules}; a failed build is a {@link StackException}. */
    public void packageModules(List<String> modules) {
        if (!Files.isExecutable(root.resolve("mvnw"))) {
            throw StackException.failed("cannot build " + String.join(", ", modules) + ": no executable mvnw in " + root
                    + "; run ponte from the repository (or pass --no-build)");
        }
        ProcessBuilder builder =
                new ProcessBuilder(command(modules)).directory(root.toFile()).inheritIO();
        builder.environment().putIfAbsent("JAVA_HOME", System.getProperty("java.home"));
        try {
            int exit = builder.start().waitFor();
            if (exit != 0) {
                throw StackException.failed("building " + String.join(", ", modules) + " failed (mvnw exit " + exit
                        + "); run ./ponte build to see the whole output");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw StackException.failed("interrupted while building " + String.join(", ", modules));
        }
    }
}
