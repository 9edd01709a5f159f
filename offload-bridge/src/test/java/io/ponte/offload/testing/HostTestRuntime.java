package io.ponte.offload.testing;

import io.ponte.offload.core.script.Shell;
import io.ponte.offload.spi.ContainerLaunch;
import io.ponte.offload.spi.ContainerRuntime;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A minimal stand-in for the subprocess runtime while the real one (in adapter.runtime) is not in
 * this branch: the command runs on the host with exactly the container's environment ({@code env
 * -i}); mounts are not applied. As a {@link DefaultBean} it steps aside as soon as a real runtime
 * bean exists.
 */
@ApplicationScoped
@DefaultBean
public class HostTestRuntime implements ContainerRuntime {

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
        List<String> words = new ArrayList<>(List.of("env", "-i"));
        if (launch.env().stream().noneMatch(e -> e.getKey().equals("PATH"))) {
            words.add("PATH=/usr/local/bin:/usr/bin:/bin");
        }
        for (Map.Entry<String, String> e : launch.env()) {
            words.add(e.getKey() + "=" + e.getValue());
        }
        List<String> command =
                new ArrayList<>(launch.command().isEmpty() ? launch.image().entrypoint() : launch.command());
        command.addAll(
                launch.command().isEmpty() && launch.args().isEmpty()
                        ? launch.image().cmd()
                        : launch.args());
        words.addAll(command);
        String line = Shell.join(words);
        return launch.workingDir()
                .map(d -> "cd " + Shell.quote(d) + " && " + line)
                .orElse(line);
    }
}
