package io.ponte.pipelines.adapter.local;

import io.ponte.pipelines.adapter.local.LocalRuntime.ResolvedImage;
import io.ponte.pipelines.spi.ExecutorException;
import io.ponte.pipelines.spi.TaskLaunch;
import java.util.ArrayList;
import java.util.List;

/** The command a task runs: its own command, or the image's entrypoint when it sets none. */
final class Commands {
    private Commands() {}

    static List<String> effective(TaskLaunch launch, ResolvedImage image) throws ExecutorException {
        List<String> argv = new ArrayList<>(launch.command().isEmpty() ? image.entrypoint() : launch.command());
        if (argv.isEmpty()) {
            throw new ExecutorException(
                    "task " + launch.taskPath() + " sets no command and image " + image.reference()
                            + " has no entrypoint in the local image catalog",
                    false);
        }
        argv.addAll(launch.args());
        return argv;
    }
}
