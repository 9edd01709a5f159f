package io.ponte.pipelines.adapter.local;

import io.ponte.pipelines.spi.ExecutorException;
import io.ponte.pipelines.spi.TaskLaunch;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns a launch into the argument vector and environment of the process that runs it. */
interface LocalRuntime {

    String name();

    /**
     * The command line, one argument per element (never passed through a shell).
     *
     * @throws ExecutorException when this runtime cannot run the launch (missing rootfs, no command)
     */
    List<String> argv(TaskLaunch launch, ResolvedImage image, String containerName) throws ExecutorException;

    /** The environment of the started process. */
    Map<String, String> environment(TaskLaunch launch);

    /** The line written at the top of the attempt's log. */
    String banner(TaskLaunch launch, ResolvedImage image);

    /**
     * A command that stops the task itself, giving it {@code grace} before killing it, for runtimes
     * whose task does not die with the process group (podman's container lives under conmon).
     * Empty: signalling the process group is enough.
     */
    default Optional<List<String>> stop(String containerName, Duration grace) {
        return Optional.empty();
    }

    /** An image as found in the catalog, or the default runtime's form of an unlisted one. */
    record ResolvedImage(
            String reference, String runtime, String location, List<String> entrypoint, Optional<String> standIn) {}
}
