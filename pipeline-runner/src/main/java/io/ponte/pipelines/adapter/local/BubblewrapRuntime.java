package io.ponte.pipelines.adapter.local;

import io.ponte.pipelines.spi.ExecutorException;
import io.ponte.pipelines.spi.TaskLaunch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Runs the command with bubblewrap over an unpacked rootfs directory. The rootfs is bound
 * read-only (a directory on the way to a mount point becomes a tmpfs holding read-only binds of
 * its entries, so mount points can be created); {@code /proc}, {@code /dev} and {@code /tmp} are
 * fresh; the work directory is bound read-write at the same path, then the launch's mounts. The
 * sandbox has its own pid namespace and dies with its parent.
 */
final class BubblewrapRuntime implements LocalRuntime {
    static final String DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
    private static final Set<String> FRESH = Set.of("proc", "dev", "tmp", "sys");

    private final String bwrap;

    BubblewrapRuntime(String bwrap) {
        this.bwrap = bwrap;
    }

    @Override
    public String name() {
        return ImageCatalog.BUBBLEWRAP;
    }

    @Override
    public List<String> argv(TaskLaunch launch, ResolvedImage image, String containerName) throws ExecutorException {
        Path rootfs = Path.of(image.location());
        if (!Files.isDirectory(rootfs)) {
            throw new ExecutorException(
                    "image " + image.reference() + ": rootfs directory " + rootfs + " does not exist", false);
        }
        Set<String> targets = new TreeSet<>();
        targets.add(launch.workDir().toString());
        launch.mounts().forEach(m -> targets.add(m.containerPath()));
        List<String> argv = new ArrayList<>(List.of(bwrap, "--die-with-parent", "--unshare-pid", "--unshare-ipc"));
        try {
            bindChildren(rootfs, "", targets, argv);
        } catch (IOException | UncheckedIOException e) {
            throw new ExecutorException("image " + image.reference() + ": cannot read rootfs " + rootfs, false, e);
        }
        argv.addAll(List.of("--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp"));
        String work = launch.workDir().toString();
        argv.addAll(List.of("--bind", work, work));
        for (TaskLaunch.Mount m : launch.mounts()) {
            argv.addAll(
                    List.of(m.readOnly() ? "--ro-bind" : "--bind", m.hostPath().toString(), m.containerPath()));
        }
        argv.addAll(List.of("--chdir", work, "--"));
        argv.addAll(Commands.effective(launch, image));
        return argv;
    }

    /** Binds the entries of {@code dir} (seen at {@code at} in the sandbox), splitting those on a mount point's path. */
    private static void bindChildren(Path dir, String at, Set<String> targets, List<String> argv) throws IOException {
        List<Path> children;
        try (Stream<Path> list = Files.list(dir)) {
            children = list.sorted().toList();
        }
        for (Path child : children) {
            String name = child.getFileName().toString();
            String inside = at + "/" + name;
            if (at.isEmpty() && FRESH.contains(name)) {
                continue;
            }
            if (Files.isSymbolicLink(child)) {
                argv.addAll(List.of("--symlink", Files.readSymbolicLink(child).toString(), inside));
            } else if (Files.isDirectory(child) && targets.stream().anyMatch(t -> t.startsWith(inside + "/"))) {
                argv.addAll(List.of("--tmpfs", inside));
                bindChildren(child, inside, targets, argv);
            } else if (!targets.contains(inside)) {
                argv.addAll(List.of("--ro-bind", child.toString(), inside));
            }
        }
    }

    @Override
    public Map<String, String> environment(TaskLaunch launch) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", DEFAULT_PATH);
        env.putAll(launch.env());
        return env;
    }

    @Override
    public String banner(TaskLaunch launch, ResolvedImage image) {
        return "[ponte] bubblewrap runtime: image " + image.reference() + " from rootfs " + image.location()
                + image.standIn().map(s -> " (local stand-in: " + s + ")").orElse("");
    }
}
