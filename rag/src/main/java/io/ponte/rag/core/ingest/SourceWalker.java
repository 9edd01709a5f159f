package io.ponte.rag.core.ingest;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Finds the files under a root directory that {@link DocumentParser} reads. Hidden files and directories (name
 * starting with a dot), {@code node_modules} and {@code target} are passed over silently, as are files of other types; files too large
 * and links that lead outside the root (or in a loop) are skipped with a reason. Symbolic links inside the root are
 * followed, and their files are listed under the link's path.
 */
public final class SourceWalker {

    /** The default size limit: 5 MiB. */
    public static final long DEFAULT_MAX_BYTES = 5L * 1024 * 1024;

    /** Dependency and build output trees: never documentation of their own. */
    private static final Set<String> SKIPPED_DIRECTORIES = Set.of("node_modules", "target");

    /**
     * What a walk found.
     *
     * @param files paths relative to the root, with forward slashes, sorted
     * @param skipped ingestible-looking files and directories left out, sorted by path
     */
    public record Listing(List<String> files, List<Skipped> skipped) {

        public Listing {
            files = List.copyOf(files);
            skipped = List.copyOf(skipped);
        }
    }

    /** A path left out, and why, in words. */
    public record Skipped(String path, String reason) {}

    private final long maxBytes;

    public SourceWalker() {
        this(DEFAULT_MAX_BYTES);
    }

    /** @param maxBytes files larger than this are skipped */
    public SourceWalker(long maxBytes) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive, got " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    /**
     * @throws SourceRootException the root does not exist, is not a directory, or cannot be read
     */
    public Listing walk(Path root) {
        if (!Files.isDirectory(root)) {
            throw new SourceRootException(
                    root.toString(), Files.exists(root) ? "not a directory" : "does not exist", null);
        }
        Path realRoot;
        try {
            realRoot = root.toRealPath();
        } catch (IOException e) {
            throw new SourceRootException(root.toString(), "cannot resolve it (" + e.getMessage() + ")", e);
        }
        Visitor visitor = new Visitor(root, realRoot);
        try {
            Files.walkFileTree(root, Set.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, visitor);
        } catch (IOException e) {
            throw new SourceRootException(root.toString(), "cannot list it (" + e.getMessage() + ")", e);
        }
        visitor.files.sort(Comparator.naturalOrder());
        visitor.skipped.sort(Comparator.comparing(Skipped::path));
        return new Listing(visitor.files, visitor.skipped);
    }

    private final class Visitor extends SimpleFileVisitor<Path> {

        private final Path root;
        private final Path realRoot;
        final List<String> files = new ArrayList<>();
        final List<Skipped> skipped = new ArrayList<>();

        Visitor(Path root, Path realRoot) {
            this.root = root;
            this.realRoot = realRoot;
        }

        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
            if (dir.equals(root)) {
                return FileVisitResult.CONTINUE;
            }
            String name = dir.getFileName().toString();
            if (name.startsWith(".") || SKIPPED_DIRECTORIES.contains(name)) {
                return FileVisitResult.SKIP_SUBTREE;
            }
            if (!insideRoot(dir)) {
                skipped.add(new Skipped(relative(dir), "a link to a directory outside the root"));
                return FileVisitResult.SKIP_SUBTREE;
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
            String name = file.getFileName().toString();
            if (name.startsWith(".") || !DocumentParser.supports(name)) {
                return FileVisitResult.CONTINUE;
            }
            String path = relative(file);
            if (attributes.isSymbolicLink()) {
                skipped.add(new Skipped(path, "a broken link"));
            } else if (!attributes.isRegularFile()) {
                skipped.add(new Skipped(path, "not a regular file"));
            } else if (!insideRoot(file)) {
                skipped.add(new Skipped(path, "a link to a file outside the root"));
            } else if (attributes.size() > maxBytes) {
                skipped.add(new Skipped(path, "larger than " + maxBytes + " bytes (" + attributes.size() + ")"));
            } else {
                files.add(path);
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
            if (file.equals(root)) {
                throw new SourceRootException(root.toString(), "cannot list it (" + e.getMessage() + ")", e);
            }
            if (e instanceof FileSystemLoopException) {
                skipped.add(new Skipped(relative(file), "a link that loops back to a directory above it"));
            } else if (DocumentParser.supports(file.getFileName().toString())) {
                skipped.add(new Skipped(relative(file), "unreadable (" + e.getMessage() + ")"));
            }
            return FileVisitResult.CONTINUE;
        }

        private boolean insideRoot(Path path) {
            try {
                return path.toRealPath().startsWith(realRoot);
            } catch (IOException e) {
                return false;
            }
        }

        private String relative(Path path) {
            return root.relativize(path).toString().replace('\\', '/');
        }
    }
}
