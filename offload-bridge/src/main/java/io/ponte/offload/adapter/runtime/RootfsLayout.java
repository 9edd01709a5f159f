package io.ponte.offload.adapter.runtime;

import io.ponte.offload.spi.ContainerLaunch.Mount;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The bwrap arguments that assemble a container's root from a rootfs directory and put its volumes
 * in place.
 *
 * <p>bwrap's new root is a tmpfs. A directory of the image is either bound read-only as a whole or,
 * where a mount point has to be created inside it, <em>expanded</em>: re-created on that tmpfs with
 * each of its entries bound back read-only (symlinks re-created, empty directories created
 * writable), recursively down to the deepest directory the image has on the way to the mount point.
 * The root itself is always expanded. Mount destinations are first resolved through the image's
 * own symlinks, as a container runtime does ({@code /var/run/x} becomes {@code /run/x} when the
 * image's {@code /var/run} links to {@code /run}), because bwrap would otherwise follow them on the
 * host side or fail to create parents. Then {@code /proc}, {@code /dev}, a tmpfs on {@code /tmp}
 * and on each writable path the image has, and the volumes, parents first. Where the rootfs cannot
 * be read here (it lives on a compute node), the whole rootfs is bound read-only at {@code /} and
 * the destinations are used as given.
 */
final class RootfsLayout {
    private static final Set<String> SPECIAL = Set.of("/proc", "/dev", "/sys", "/tmp");
    private static final int MAX_LINKS = 40;

    private final List<String> writablePaths;

    RootfsLayout(List<String> writablePaths) {
        this.writablePaths = writablePaths;
    }

    /** The root, the special file systems, the writable paths and the mounts, in bwrap's order. */
    List<String> arguments(String rootfs, List<Mount> mounts) {
        Path root = Path.of(rootfs);
        List<String> w = new ArrayList<>();
        if (!Files.isDirectory(root) || list(root) == null) {
            w.addAll(List.of("--ro-bind", rootfs, "/", "--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp"));
            for (Mount m : mounts) {
                bind(w, m, m.containerPath());
            }
            return w;
        }
        List<String> tmpfs = new ArrayList<>(List.of("/tmp"));
        for (String path : writablePaths) {
            String resolved = resolve(root, path);
            if (!tmpfs.contains(resolved) && Files.isDirectory(host(root, resolved), LinkOption.NOFOLLOW_LINKS)) {
                tmpfs.add(resolved);
            }
        }
        List<Mount> resolved = new ArrayList<>();
        for (Mount m : mounts) {
            resolved.add(new Mount(m.hostPath(), resolve(root, m.containerPath()), m.readOnly()));
        }
        resolved.sort(Comparator.comparingInt(m -> depth(m.containerPath())));
        Set<String> expanded = new TreeSet<>(Set.of("/"));
        for (Mount m : resolved) {
            expandFor(root, m.containerPath(), tmpfs, resolved, expanded);
        }
        emit(root, "/", expanded, w);
        w.addAll(List.of("--proc", "/proc", "--dev", "/dev"));
        tmpfs.forEach(t -> w.addAll(List.of("--tmpfs", t)));
        for (Mount m : resolved) {
            bind(w, m, m.containerPath());
        }
        return w;
    }

    /**
     * Resolves {@code path} through the rootfs's symlinks, component by component, absolute links
     * against the rootfs (never the host), {@code ..} never above {@code /}.
     */
    static String resolve(Path root, String path) {
        List<String> done = new ArrayList<>();
        List<String> todo = new ArrayList<>(components(path));
        int links = 0;
        while (!todo.isEmpty()) {
            String c = todo.remove(0);
            if (c.equals("..")) {
                if (!done.isEmpty()) {
                    done.remove(done.size() - 1);
                }
                continue;
            }
            Path onHost = host(root, "/" + String.join("/", done) + "/" + c);
            if (Files.isSymbolicLink(onHost)) {
                if (++links > MAX_LINKS) {
                    throw new IllegalArgumentException("too many symbolic links in the image resolving '" + path + "'");
                }
                String target = readLink(onHost);
                if (target.startsWith("/")) {
                    done.clear();
                }
                todo.addAll(0, components(target));
            } else {
                done.add(c);
            }
        }
        return "/" + String.join("/", done);
    }

    /** Marks for expansion the image directories in which bwrap must create {@code dest}'s mount point. */
    private static void expandFor(
            Path root, String dest, List<String> tmpfs, List<Mount> mounts, Set<String> expanded) {
        if (dest.equals("/") || Files.exists(host(root, dest), LinkOption.NOFOLLOW_LINKS)) {
            return; // bwrap mounts over what the image has
        }
        String existing = dest;
        do {
            existing = parent(existing);
        } while (!existing.equals("/") && !Files.isDirectory(host(root, existing), LinkOption.NOFOLLOW_LINKS));
        for (String a = existing; !a.equals("/"); a = parent(a)) {
            String ancestor = a;
            if (tmpfs.contains(a)
                    || mounts.stream().anyMatch(m -> m.containerPath().equals(ancestor))) {
                return; // created inside a tmpfs or a volume, which bwrap can write
            }
        }
        for (String a = existing; !a.equals("/"); a = parent(a)) {
            expanded.add(a);
        }
    }

    private static void emit(Path root, String dir, Set<String> expanded, List<String> w) {
        for (Path entry : list(host(root, dir))) {
            String name = entry.getFileName().toString();
            String target = (dir.equals("/") ? "" : dir) + "/" + name;
            if ((dir.equals("/") && name.startsWith(".")) || SPECIAL.contains(target)) {
                continue;
            }
            if (Files.isSymbolicLink(entry)) {
                w.addAll(List.of("--symlink", readLink(entry), target));
            } else if (expanded.contains(target)) {
                w.addAll(List.of("--dir", target));
                emit(root, target, expanded, w);
            } else if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS) && isEmpty(entry)) {
                w.addAll(List.of("--dir", target));
            } else {
                w.addAll(List.of("--ro-bind", entry.toString(), target));
            }
        }
    }

    private static void bind(List<String> w, Mount m, String dest) {
        w.addAll(List.of(m.readOnly() ? "--ro-bind" : "--bind", m.hostPath().toString(), dest));
    }

    private static Path host(Path root, String containerPath) {
        String relative = containerPath.replaceAll("^/+", "");
        return relative.isEmpty() ? root : root.resolve(relative);
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }

    private static List<String> components(String path) {
        List<String> out = new ArrayList<>();
        for (String c : path.split("/")) {
            if (!c.isEmpty() && !c.equals(".")) {
                out.add(c);
            }
        }
        return out;
    }

    private static int depth(String path) {
        return components(path).size();
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
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
