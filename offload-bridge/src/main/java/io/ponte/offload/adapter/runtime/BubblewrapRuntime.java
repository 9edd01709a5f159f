package io.ponte.offload.adapter.runtime;

import io.ponte.offload.core.script.Shell;
import io.ponte.offload.spi.ContainerLaunch;
import io.ponte.offload.spi.ContainerRuntime;
import io.ponte.offload.spi.ResolvedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs a container with bubblewrap over an unpacked root filesystem: no daemon, no image store.
 *
 * <p>The image's files are bound read-only (directory by directory onto a fresh tmpfs root, so that
 * mount points can be created at any path, see {@link RootfsLayout}); mount destinations are resolved
 * through the image's own symlinks; {@code /tmp} and the other {@link
 * Options#writablePaths()} are fresh tmpfs per container; volumes are bind mounts, read-only when
 * the pod says so; the pod gets its own PID, IPC and UTS namespaces (hostname = pod name) and dies
 * with the job script. The network is the host's, like {@code podman --network host}. Run as root,
 * the container keeps only Docker's default capabilities (no {@code CAP_SYS_ADMIN}, so read-only
 * mounts stay read-only).
 */
public final class BubblewrapRuntime implements ContainerRuntime {
    /** Docker's default capability set. */
    public static final List<String> DOCKER_DEFAULT_CAPABILITIES = List.of(
            "CAP_CHOWN",
            "CAP_DAC_OVERRIDE",
            "CAP_FOWNER",
            "CAP_FSETID",
            "CAP_KILL",
            "CAP_SETGID",
            "CAP_SETUID",
            "CAP_SETPCAP",
            "CAP_NET_BIND_SERVICE",
            "CAP_NET_RAW",
            "CAP_SYS_CHROOT",
            "CAP_MKNOD",
            "CAP_AUDIT_WRITE",
            "CAP_SETFCAP");

    /**
     * How containers are sandboxed.
     *
     * @param binary the bwrap executable
     * @param writablePaths paths that get a fresh tmpfs in every container (the image's root is
     *     read-only); {@code /tmp} is always one
     * @param dropCapabilities whether to drop every capability but {@link #capabilities()} (needs
     *     bwrap to run as root; turn off where bwrap runs as an ordinary user)
     * @param capabilities the capabilities kept when {@code dropCapabilities} is on
     */
    public record Options(
            String binary, List<String> writablePaths, boolean dropCapabilities, List<String> capabilities) {
        public Options {
            Objects.requireNonNull(binary);
            writablePaths = List.copyOf(writablePaths);
            capabilities = List.copyOf(capabilities);
        }

        /** bwrap from PATH; tmpfs on the usual scratch paths; Docker's capabilities when running as root. */
        public static Options defaults() {
            return new Options(
                    "bwrap",
                    List.of("/var/tmp", "/run", "/root", "/home", "/var/log", "/var/cache", "/var/lib/nginx"),
                    "root".equals(System.getProperty("user.name")),
                    DOCKER_DEFAULT_CAPABILITIES);
        }
    }

    private final Options options;
    private final RootfsLayout layout;

    public BubblewrapRuntime(Options options) {
        this.options = options;
        this.layout = new RootfsLayout(options.writablePaths());
    }

    @Override
    public String name() {
        return "bubblewrap";
    }

    @Override
    public boolean usesImage() {
        return true;
    }

    @Override
    public String commandLine(ContainerLaunch launch) {
        ResolvedImage image = launch.image();
        if (image.kind() != ResolvedImage.Kind.ROOTFS) {
            throw new IllegalArgumentException("bubblewrap runs root filesystem directories; image '"
                    + image.reference() + "' is available here only as " + image.kind());
        }
        List<String> argv = LaunchPlan.argv(launch);
        Map<String, String> env = LaunchPlan.env(launch);
        List<String> w = new ArrayList<>(List.of(
                options.binary(),
                "--die-with-parent",
                "--new-session",
                "--unshare-pid",
                "--unshare-ipc",
                "--unshare-uts",
                "--hostname",
                hostname(launch.podName())));
        if (options.dropCapabilities()) {
            w.addAll(List.of("--cap-drop", "ALL"));
            options.capabilities().forEach(cap -> w.addAll(List.of("--cap-add", cap)));
        }
        w.addAll(layout.arguments(image.location(), LaunchPlan.mountsParentsFirst(launch)));
        w.addAll(List.of("--chdir", LaunchPlan.workingDir(launch).orElse("/")));
        w.add("--clearenv");
        setenv(w, "PATH", env.getOrDefault("PATH", LaunchPlan.DEFAULT_PATH));
        setenv(w, "HOME", env.getOrDefault("HOME", "/root"));
        setenv(w, "HOSTNAME", env.getOrDefault("HOSTNAME", hostname(launch.podName())));
        env.forEach((name, value) -> {
            if (!name.equals("PATH") && !name.equals("HOME") && !name.equals("HOSTNAME")) {
                setenv(w, name, value);
            }
        });
        w.add("--");
        w.addAll(argv);
        return Shell.join(w);
    }

    private static void setenv(List<String> words, String name, String value) {
        words.addAll(List.of("--setenv", name, value));
    }

    /** A pod name as a host name: at most 63 characters. */
    static String hostname(String podName) {
        String h = podName.length() > 63 ? podName.substring(0, 63) : podName;
        return h.isEmpty() ? "pod" : h;
    }
}
