package io.ponte.offload.adapter.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The bwrap arguments that assemble a container's root from a rootfs directory: its top-level
 * symlinks re-created, its directories bound read-only one by one onto bwrap's tmpfs root (empty
 * ones created writable instead), {@code /proc}, {@code /dev} and tmpfs for {@code /tmp} and the
 * writable paths. Where the directory cannot be read here (it lives on a compute node), the whole
 * rootfs is bound read-only at {@code /}.
 */
final class RootfsLayout {
    private static final Set<String> SPECIAL = Set.of("proc", "dev", "sys", "tmp");

    private final List<String> writablePaths;

    RootfsLayout(List<String> writablePaths) {
        this.writablePaths = writablePaths;
    }

    List<String> arguments(String rootfs) {
        Path root = Path.of(rootfs);
        List<String> w = new ArrayList<>();
        List<Path> entries = list(root);
        if (entries == null) {
            w.addAll(List.of("--ro-bind", rootfs, "/"));
        } else {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                String target = "/" + name;
                if (name.startsWith(".") || SPECIAL.contains(name)) {
                    continue;
                }
                if (Files.isSymbolicLink(entry)) {
                    w.addAll(List.of("--symlink", readLink(entry), target));
                } else if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS) && isEmpty(entry)) {
                    w.addAll(List.of("--dir", target));
                } else {
                    w.addAll(List.of("--ro-bind", entry.toString(), target));
                }
            }
        }
        w.addAll(List.of("--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp"));
        for (String path : writablePaths) {
            if (entries != null && Files.isDirectory(root.resolve(path.substring(1)))) {
                w.addAll(List.of("--tmpfs", path));
            }
        }
        return w;
    }

    private static List<Path> list(Path root) {
        try (Stream<Path> s = Files.list(root)) {
            return s.sorted().toList();
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean isEmpty(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    private static String readLink(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the link " + link, e);
        }
    }
}
