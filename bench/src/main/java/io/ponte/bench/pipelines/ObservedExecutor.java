package io.ponte.bench.pipelines;

import io.ponte.pipelines.spi.ExecutorException;
import io.ponte.pipelines.spi.TaskExecutor;
import io.ponte.pipelines.spi.TaskHandle;
import io.ponte.pipelines.spi.TaskLaunch;
import java.util.Optional;

/** Another executor, unchanged, with a {@link Timeline} event when an attempt has started or been re-attached. */
final class ObservedExecutor implements TaskExecutor {

    private final TaskExecutor delegate;

    ObservedExecutor(TaskExecutor delegate) {
        this.delegate = delegate;
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public TaskHandle start(TaskLaunch launch) throws ExecutorException {
        TaskHandle h = delegate.start(launch);
        Timeline.emit("start", launch.taskPath(), Integer.toString(launch.attempt()));
        return h;
    }

    @Override
    public Optional<TaskHandle> reattach(TaskLaunch launch, String ref) throws ExecutorException {
        Optional<TaskHandle> h = delegate.reattach(launch, ref);
        Timeline.emit("reattach", launch.taskPath(), h.isPresent() ? "found" : "lost");
        return h;
    }
}
