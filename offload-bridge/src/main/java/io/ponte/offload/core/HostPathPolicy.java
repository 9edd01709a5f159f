package io.ponte.offload.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Which {@code hostPath} volumes a pod may use: only paths whose real location (symlinks followed,
 * no {@code ..}) lies under one of the configured roots. With no roots, every hostPath is refused,
 * naming the setting that allows them. The {@code type} of the volume is checked as Kubernetes
 * does ({@code Directory}, {@code File}, {@code DirectoryOrCreate}, {@code FileOrCreate}; empty: no
 * check); the {@code OrCreate} types create the path only after its nearest existing parent passed.
 */
public final class HostPathPolicy {
    /** The configuration key listing the allowed roots. */
    public static final String KEY = "ponte.offload.host-path.allowed-roots";

    private final List<Path> roots;

    /** @param roots directories under which hostPath volumes may point; empty refuses all */
    public HostPathPolicy(List<Path> roots) {
        List<Path> real = new ArrayList<>();
        for (Path root : roots) {
            try {
                real.add(root.toAbsolutePath().toRealPath());
            } catch (IOException e) {
                throw new IllegalArgumentException(KEY + ": '" + root + "' does not exist", e);
            }
        }
        this.roots = List.copyOf(real);
    }

    /** The policy that refuses every hostPath volume. */
    public static HostPathPolicy none() {
        return new HostPathPolicy(List.of());
    }

    /** The real path of volume {@code volume}'s {@code path}, or a refusal saying why. */
    Path resolve(String volume, String path, String type) {
        String t = type == null ? "" : type;
        if (roots.isEmpty()) {
            throw refuse(
                    volume,
                    "hostPath volumes are refused unless the bridge allows them: set " + KEY
                            + " to the directories pods may mount (none is set)");
        }
        if (path == null || !path.startsWith("/")) {
            throw refuse(volume, "hostPath.path '" + path + "' must be absolute");
        }
        for (String c : path.split("/")) {
            if (c.equals("..")) {
                throw refuse(volume, "hostPath.path '" + path + "' must not contain '..'");
            }
        }
        Path p = Path.of(path);
        if (!Files.exists(p)) {
            if (!t.equals("DirectoryOrCreate") && !t.equals("FileOrCreate")) {
                throw refuse(volume, "hostPath.path '" + path + "' does not exist on the bridge's host");
            }
            Path existing = p.getParent();
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            allowed(volume, path, realPath(existing == null ? Path.of("/") : existing));
            create(p, t);
        }
        Path real = allowed(volume, path, realPath(p));
        boolean dir = Files.isDirectory(real, LinkOption.NOFOLLOW_LINKS);
        if ((t.equals("Directory") || t.equals("DirectoryOrCreate")) && !dir) {
            throw refuse(volume, "hostPath.path '" + path + "' is not a directory (type " + t + ")");
        }
        if ((t.equals("File") || t.equals("FileOrCreate")) && !Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
            throw refuse(volume, "hostPath.path '" + path + "' is not a file (type " + t + ")");
        }
        return real;
    }

    private Path allowed(String volume, String path, Path real) {
        if (roots.stream().noneMatch(real::startsWith)) {
            throw refuse(
                    volume,
                    "hostPath.path '" + path + "' resolves to '" + real + "', outside the roots allowed by " + KEY + " "
                            + roots);
        }
        return real;
    }

    private static Path realPath(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resolve " + p, e);
        }
    }

    private static void create(Path p, String type) {
        try {
            if (type.equals("DirectoryOrCreate")) {
                Files.createDirectories(p);
            } else {
                Files.createDirectories(p.getParent());
                Files.createFile(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + p, e);
        }
    }

    private static PodRejectedException refuse(String volume, String why) {
        return new PodRejectedException("volume " + volume + ": " + why);
    }
}
