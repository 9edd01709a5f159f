package io.ponte.offload.adapter.runtime;

import io.ponte.offload.core.script.Shell;
import io.ponte.offload.spi.ContainerLaunch;
import io.ponte.offload.spi.ContainerRuntime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the container's command directly on the host, the way Kubeflow Pipelines' local
 * SubprocessRunner does: the image is NOT used. The command starts from an empty environment
 * ({@code env -i}) holding the container's env, a default {@code PATH} and {@code HOME} (the
 * container's scratch directory) unless the env sets them. Volume mounts cannot be honoured: this
 * runtime rewrites no paths, so a container that reads its mount path sees whatever the host has
 * there. {@link #usesImage()} is {@code false} so that the bridge says so in the pod's events.
 */
public final class SubprocessRuntime implements ContainerRuntime {

    @Override
    public String name() {
        return "subprocess";
    }

    @Override
    public boolean usesImage() {
        return false;
    }

    @Override
    public String commandLine(ContainerLaunch launch) {
        List<String> argv = LaunchPlan.argv(launch);
        Map<String, String> env = LaunchPlan.env(launch);
        List<String> words = new ArrayList<>(List.of("env", "-i"));
        if (!env.containsKey("PATH")) {
            words.add("PATH=" + LaunchPlan.DEFAULT_PATH);
        }
        if (!env.containsKey("HOME")) {
            words.add("HOME=" + launch.scratchDir());
        }
        env.forEach((name, value) -> words.add(name + "=" + value));
        if (argv.get(0).contains("=")) {
            throw new IllegalArgumentException("the subprocess runtime cannot run a command named '" + argv.get(0)
                    + "' (env would take it for a variable)");
        }
        words.addAll(argv);
        String line = Shell.join(words);
        return LaunchPlan.workingDir(launch)
                .map(dir -> "cd -- " + Shell.quote(dir) + " && " + line)
                .orElse(line);
    }
}
