package io.ponte.pipelines.adapter.offload;

import io.ponte.pipelines.adapter.TaskExecutorContractTest;
import io.ponte.pipelines.spi.TaskExecutor;
import io.ponte.pipelines.spi.TaskLaunch;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;

/**
 * The contract on the offload executor, over real HTTP on loopback to {@link PluginStandIn}, a
 * small interLink plugin that runs pods as local processes (the offload-bridge is written on
 * another branch at the same time; services never import each other's code).
 */
class OffloadExecutorContractTest extends TaskExecutorContractTest {
    private PluginStandIn plugin;
    private OffloadExecutor executor;
    private OffloadExecutor restarted;

    private OffloadExecutor build() {
        return new OffloadExecutor(OffloadConfigs.of(Map.of(
                "default-site", "hpc",
                "sites.hpc.url", plugin.url(),
                "sites.hpc.shared-root", tmp.toString())));
    }

    @AfterEach
    void close() throws Exception {
        if (executor != null) {
            executor.close();
        }
        if (restarted != null) {
            restarted.close();
        }
        if (plugin != null) {
            plugin.close();
        }
    }

    @Override
    protected TaskExecutor executor() {
        if (executor == null) {
            try {
                plugin = new PluginStandIn();
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            executor = build();
        }
        return executor;
    }

    @Override
    protected TaskExecutor restarted() {
        executor();
        restarted = build();
        return restarted;
    }

    @Override
    protected String image() {
        return "docker.io/library/busybox:1.36";
    }

    @Override
    protected TaskLaunch unstartable(TaskLaunch valid) {
        return new TaskLaunch(
                valid.runId(),
                valid.taskPath(),
                valid.attempt(),
                "registry.example/absent:9",
                valid.command(),
                valid.args(),
                valid.env(),
                valid.resources(),
                valid.workDir(),
                valid.mounts(),
                valid.logFile(),
                valid.labels(),
                valid.placement(),
                valid.timeout());
    }

    @Override
    protected String unstartableMentions(TaskLaunch unstartable) {
        return "image registry.example/absent:9 is not available on this site";
    }

    @Override
    protected String unknownRef() {
        return "hpc/ponte-pipelines/ponte-never-0/00000000-0000-0000-0000-000000000000";
    }
}
