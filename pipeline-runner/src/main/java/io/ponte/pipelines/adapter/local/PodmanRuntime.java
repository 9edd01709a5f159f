package io.ponte.pipelines.adapter.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ponte.pipelines.spi.ExecutorException;
import io.ponte.pipelines.spi.TaskLaunch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the command with {@code podman run} over a tag in the local podman store. The task's
 * command replaces the image's entrypoint (as Kubernetes does); its env goes in as {@code -e}
 * arguments, never through a shell.
 */
final class PodmanRuntime implements LocalRuntime {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String podman;
    private final List<String> globalOptions;
    private final List<String> options;
    private final Map<String, String> hostEnv;

    PodmanRuntime(String podman, List<String> globalOptions, List<String> options, Map<String, String> hostEnv) {
        this.podman = podman;
        this.globalOptions = List.copyOf(globalOptions);
        this.options = List.copyOf(options);
        this.hostEnv = Map.copyOf(hostEnv);
    }

    @Override
    public String name() {
        return ImageCatalog.PODMAN;
    }

    @Override
    public List<String> argv(TaskLaunch launch, ResolvedImage image, String containerName) throws ExecutorException {
        List<String> argv = podman();
        argv.addAll(List.of("run", "--rm", "--name", containerName));
        argv.addAll(options);
        String work = launch.workDir().toString();
        argv.addAll(List.of("-v", work + ":" + work, "-w", work));
        for (TaskLaunch.Mount m : launch.mounts()) {
            argv.addAll(List.of("-v", m.hostPath() + ":" + m.containerPath() + (m.readOnly() ? ":ro" : "")));
        }
        launch.env().forEach((k, v) -> argv.addAll(List.of("-e", k + "=" + v)));
        if (!launch.command().isEmpty()) {
            try {
                argv.addAll(List.of("--entrypoint", JSON.writeValueAsString(launch.command())));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        argv.add(image.location());
        argv.addAll(launch.args());
        return argv;
    }

    @Override
    public Map<String, String> environment(TaskLaunch launch) {
        return hostEnv;
    }

    @Override
    public String banner(TaskLaunch launch, ResolvedImage image) {
        return "[ponte] podman runtime: image " + image.reference() + " as local tag " + image.location()
                + image.standIn().map(s -> " (local stand-in: " + s + ")").orElse("");
    }

    @Override
    public Optional<List<String>> stop(String containerName, Duration grace) {
        List<String> argv = podman();
        argv.addAll(List.of(
                "rm", "--force", "--ignore", "--time", Long.toString(Math.max(0, grace.toSeconds())), containerName));
        return Optional.of(argv);
    }

    private List<String> podman() {
        List<String> argv = new ArrayList<>();
        argv.add(podman);
        argv.addAll(globalOptions);
        return argv;
    }
}
