package io.ponte.pipelines.config;

import io.ponte.pipelines.spi.TaskExecutor;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The executors an engine was built with, by name. They own threads (status polling, timers) that
 * must stop with the engine: {@link #close()} closes each one that is {@link AutoCloseable}, all of
 * them even when one fails. Attempts already running are left running; the next start re-attaches.
 */
final class ExecutorSet implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ExecutorSet.class);

    private final Map<String, TaskExecutor> byName;

    ExecutorSet(Map<String, TaskExecutor> byName) {
        this.byName = Collections.unmodifiableMap(new LinkedHashMap<>(byName));
    }

    Map<String, TaskExecutor> byName() {
        return byName;
    }

    @Override
    public void close() {
        byName.forEach((name, executor) -> {
            if (executor instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    LOG.warnf(e, "the %s executor did not close cleanly", name);
                }
            }
        });
    }
}
