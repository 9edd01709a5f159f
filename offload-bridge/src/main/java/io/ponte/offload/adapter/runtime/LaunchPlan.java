package io.ponte.offload.adapter.runtime;

import io.ponte.offload.spi.ContainerLaunch;
import io.ponte.offload.spi.ContainerLaunch.Mount;
import io.ponte.offload.spi.ResolvedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a container runs, worked out the way Kubernetes does it: {@code command} replaces the
 * image's ENTRYPOINT (and drops its CMD), {@code args} replace the image's CMD; the image's ENV
 * comes first and the container's env overrides it; the container's {@code workingDir} overrides
 * the image's WORKDIR.
 */
final class LaunchPlan {
    static final String DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    private LaunchPlan() {}

    /** The full argument vector: entrypoint or command, then cmd or args. */
    static List<String> argv(ContainerLaunch launch) {
        List<String> argv = new ArrayList<>();
        if (!launch.command().isEmpty()) {
            argv.addAll(launch.command());
            argv.addAll(launch.args());
        } else {
            argv.addAll(launch.image().entrypoint());
            argv.addAll(launch.args().isEmpty() ? launch.image().cmd() : launch.args());
        }
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("container '" + launch.containerName() + "' sets no command and image '"
                    + launch.image().reference() + "' has no ENTRYPOINT or CMD here");
        }
        return argv;
    }

    /** Whether the catalog knows the image's ENTRYPOINT or CMD (then the runtime must not rely on the image's own). */
    static boolean catalogDefinesEntrypoint(ResolvedImage image) {
        return !image.entrypoint().isEmpty() || !image.cmd().isEmpty();
    }

    /** The image's env then the container's, later names overriding earlier ones; names are checked. */
    static Map<String, String> env(ContainerLaunch launch) {
        Map<String, String> env = new LinkedHashMap<>();
        launch.image().env().forEach((name, value) -> put(env, name, value));
        for (Map.Entry<String, String> e : launch.env()) {
            put(env, e.getKey(), e.getValue() == null ? "" : e.getValue());
        }
        return env;
    }

    /** The container's working directory, else the image's. */
    static Optional<String> workingDir(ContainerLaunch launch) {
        return launch.workingDir()
                .filter(d -> !d.isBlank())
                .or(() -> launch.image().workingDir());
    }

    /** Mounts ordered so that a parent directory is mounted before what is mounted inside it. */
    static List<Mount> mountsParentsFirst(ContainerLaunch launch) {
        List<Mount> mounts = new ArrayList<>(launch.mounts());
        mounts.sort(Comparator.comparingInt(m -> depth(m.containerPath())));
        for (Mount m : mounts) {
            if (!m.containerPath().startsWith("/")) {
                throw new IllegalArgumentException("mount path '" + m.containerPath() + "' of container '"
                        + launch.containerName() + "' is not absolute");
            }
        }
        return mounts;
    }

    /** Refuses a path that a runtime's {@code src:dst[:ro]} syntax cannot carry. */
    static String colonFree(String path, String runtime) {
        if (path.contains(":") || path.contains(",")) {
            throw new IllegalArgumentException(
                    runtime + " bind mounts cannot carry ':' or ',' in a path: '" + path + "'");
        }
        return path;
    }

    private static void put(Map<String, String> env, String name, String value) {
        if (name == null || name.isEmpty() || name.contains("=") || name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("invalid environment variable name '" + name + "'");
        }
        env.remove(name); // the later definition also takes the later place
        env.put(name, value);
    }

    private static int depth(String path) {
        return (int) path.chars().filter(c -> c == '/').count() - (path.endsWith("/") ? 1 : 0);
    }
}
