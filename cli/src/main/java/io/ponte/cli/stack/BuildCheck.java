package io.ponte.cli.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds services whose artifact is missing or older than the sources it is built from: the root
 * {@code pom.xml} and, for the service's module and each of its build inputs, {@code pom.xml} and
 * everything under {@code src/main}.
 */
public final class BuildCheck {
    private final Path root;

    public BuildCheck(Path root) {
        this.root = root;
    }

    /** The modules to build before {@code services} can start, in catalogue order. */
    public List<String> staleModules(List<ServiceSpec> services) {
        List<String> stale = new ArrayList<>();
        for (ServiceSpec service : services) {
            service.module().filter(module -> isStale(service)).ifPresent(stale::add);
        }
        return stale;
    }

    /** Whether the service's artifact is missing or older than one of its sources. */
    public boolean isStale(ServiceSpec service) {
        Path artifact = root.resolve(service.launch().artifact());
        if (!Files.exists(artifact)) {
            return true;
        }
        List<Path> sources = new ArrayList<>();
        sources.add(root.resolve("pom.xml"));
        service.module().ifPresent(module -> addModule(sources, module));
        service.buildInputs().forEach(input -> addModule(sources, input));
        FileTime built = modified(artifact);
        return sources.stream().anyMatch(source -> newestUnder(source).compareTo(built) > 0);
    }

    private void addModule(List<Path> sources, String module) {
        sources.add(root.resolve(module).resolve("pom.xml"));
        sources.add(root.resolve(module).resolve("src").resolve("main"));
    }

    private static FileTime newestUnder(Path path) {
        if (!Files.exists(path)) {
            return FileTime.fromMillis(0);
        }
        try (Stream<Path> files = Files.walk(path)) {
            return files.filter(Files::isRegularFile)
                    .map(BuildCheck::modified)
                    .max(FileTime::compareTo)
                    .orElse(FileTime.fromMillis(0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FileTime modified(Path path) {
        try {
            return Files.getLastModifiedTime(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
