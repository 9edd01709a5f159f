package io.ponte.pipelines.adapter.local;

import io.ponte.pipelines.spi.ExecutorException;
import io.ponte.pipelines.spi.TaskLaunch;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Runs the command on this host, like KFP's local {@code SubprocessRunner}: the image is not used
 * and mounts cannot be applied (the runner must resolve paths under the work directory).
 */
final class SubprocessRuntime implements LocalRuntime {
    private final List<String> inheritEnv;
    private final Map<String, String> hostEnv;

    SubprocessRuntime(List<String> inheritEnv, Map<String, String> hostEnv) {
        this.inheritEnv = List.copyOf(inheritEnv);
        this.hostEnv = Map.copyOf(hostEnv);
    }

    @Override
    public String name() {
        return ImageCatalog.SUBPROCESS;
    }

    @Override
    public List<String> argv(TaskLaunch launch, ResolvedImage image, String containerName) throws ExecutorException {
        return Commands.effective(launch, image);
    }

    @Override
    public Map<String, String> environment(TaskLaunch launch) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String name : inheritEnv) {
            String value = hostEnv.get(name);
            if (value != null) {
                env.put(name, value);
            }
        }
        env.putAll(launch.env());
        return env;
    }

    @Override
    public String banner(TaskLaunch launch, ResolvedImage image) {
        String banner = "[ponte] subprocess runtime: image " + image.reference()
                + " is not used; the command runs on this host";
        if (!launch.mounts().isEmpty()) {
            banner += "; mounts not applied: "
                    + launch.mounts().stream()
                            .map(TaskLaunch.Mount::containerPath)
                            .collect(Collectors.joining(", "));
        }
        return banner;
    }
}
