package io.ponte.offload.adapter.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ponte.offload.core.script.Shell;
import io.ponte.offload.spi.ContainerLaunch;
import io.ponte.offload.spi.ContainerLaunch.Mount;
import io.ponte.offload.spi.ContainerRuntime;
import io.ponte.offload.spi.ResolvedImage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * Runs a container with {@code podman run --rm} from a local image ({@code --pull=never}: an image
 * this site does not have fails at once instead of reaching for a registry).
 *
 * <p>A pod's {@code command} becomes {@code --entrypoint} (as JSON, so every byte survives) and its
 * {@code args} follow the image; when the catalog describes the image's ENTRYPOINT/CMD (a local
 * stand-in), the whole argument vector is worked out here and passed as the entrypoint. Volumes are
 * {@code -v host:container[:ro]}; env is {@code --env NAME=VALUE}. The container is named after the
 * pod, the container and its scratch directory, so a cancelled job's container can be removed with
 * {@code podman rm -f}; {@code --replace} clears a leftover of an earlier attempt.
 */
public final class PodmanRuntime implements ContainerRuntime {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * How podman is called.
     *
     * @param binary the podman executable
     * @param network {@code host} (the pod's ports are the host's, as bubblewrap's are) or {@code
     *     none}
     * @param runOptions extra {@code podman run} flags, e.g. {@code --ulimit nofile=10000:10000}
     *     where a sandbox forbids raising rlimits to podman's defaults
     */
    public record Options(String binary, String network, List<String> runOptions) {
        public Options {
            Objects.requireNonNull(binary);
            if (!network.equals("host") && !network.equals("none")) {
                throw new IllegalArgumentException("podman network must be 'host' or 'none', not '" + network + "'");
            }
            runOptions = List.copyOf(runOptions);
        }

        /** podman from PATH, host network, no extra flags. */
        public static Options defaults() {
            return new Options("podman", "host", List.of());
        }
    }

    private final Options options;

    public PodmanRuntime(Options options) {
        this.options = options;
    }

    @Override
    public String name() {
        return "podman";
    }

    @Override
    public boolean usesImage() {
        return true;
    }

    @Override
    public String commandLine(ContainerLaunch launch) {
        ResolvedImage image = launch.image();
        if (image.kind() != ResolvedImage.Kind.PODMAN_TAG && image.kind() != ResolvedImage.Kind.URI) {
            throw new IllegalArgumentException("podman runs local image tags; image '" + image.reference()
                    + "' is available here only as " + image.kind());
        }
        List<String> w = new ArrayList<>(List.of(
                options.binary(),
                "run",
                "--rm",
                "--pull=never",
                "--replace",
                "--name",
                containerName(launch),
                "--network",
                options.network(),
                "--hostname",
                BubblewrapRuntime.hostname(launch.podName())));
        w.addAll(options.runOptions());
        for (Mount m : LaunchPlan.mountsParentsFirst(launch)) {
            String spec = LaunchPlan.colonFree(m.hostPath().toString(), "podman") + ":"
                    + LaunchPlan.colonFree(m.containerPath(), "podman");
            w.addAll(List.of("-v", m.readOnly() ? spec + ":ro" : spec));
        }
        LaunchPlan.env(launch).forEach((name, value) -> w.addAll(List.of("--env", name + "=" + value)));
        LaunchPlan.workingDir(launch).ifPresent(dir -> w.addAll(List.of("--workdir", dir)));
        w.addAll(launch.runtimeOptions());
        if (LaunchPlan.catalogDefinesEntrypoint(image)) {
            w.addAll(List.of("--entrypoint", json(LaunchPlan.argv(launch)), image.location()));
        } else if (!launch.command().isEmpty()) {
            w.addAll(List.of("--entrypoint", json(launch.command()), image.location()));
            w.addAll(launch.args());
        } else {
            w.add(image.location());
            w.addAll(launch.args());
        }
        return Shell.join(w);
    }

    /** {@code ponte-<pod>-<container>-<8 hex of the scratch dir>}, in podman's name alphabet. */
    static String containerName(ContainerLaunch launch) {
        String base = ("ponte-" + launch.podName() + "-" + launch.containerName()).replaceAll("[^a-zA-Z0-9_.-]", "_");
        if (base.length() > 200) {
            base = base.substring(0, 200);
        }
        byte[] scratch = launch.scratchDir().toString().getBytes(StandardCharsets.UTF_8);
        int hash = java.util.Arrays.hashCode(scratch);
        return base + "-" + HexFormat.of().toHexDigits(hash);
    }

    private static String json(List<String> words) {
        try {
            return JSON.writeValueAsString(words);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
