package io.ponte.pipelines.adapter.local;

import io.ponte.pipelines.adapter.TaskExecutorContractTest;
import io.ponte.pipelines.spi.TaskExecutor;
import io.ponte.pipelines.spi.TaskLaunch;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;

/** The contract on the subprocess runtime (the image is not used; commands run on this host). */
class LocalSubprocessExecutorTest extends TaskExecutorContractTest {
    private final LocalExecutor executor = new LocalExecutor(LocalConfigs.of(Map.of(
            "images.\"registry.example/missing:1\".runtime", "bubblewrap",
            "images.\"registry.example/missing:1\".location", "/nonexistent/rootfs")));
    private LocalExecutor restarted;

    @AfterEach
    void close() {
        executor.close();
        if (restarted != null) {
            restarted.close();
        }
    }

    @Override
    protected TaskExecutor executor() {
        return executor;
    }

    @Override
    protected TaskExecutor restarted() {
        restarted = new LocalExecutor(LocalConfigs.of(Map.of()));
        return restarted;
    }

    @Override
    protected String image() {
        return "python:3.11";
    }

    @Override
    protected TaskLaunch unstartable(TaskLaunch valid) {
        return Launches.withImage(valid, "registry.example/missing:1");
    }

    @Override
    protected String unstartableMentions(TaskLaunch unstartable) {
        return "registry.example/missing:1";
    }
}
