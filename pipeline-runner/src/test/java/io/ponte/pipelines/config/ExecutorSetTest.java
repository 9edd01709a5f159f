package io.ponte.pipelines.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.ponte.pipelines.spi.TaskExecutor;
import io.ponte.pipelines.spi.TaskHandle;
import io.ponte.pipelines.spi.TaskLaunch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The engine's executors are closed with it, every one of them, even when one fails to close. */
class ExecutorSetTest {

    private final List<String> closed = new ArrayList<>();

    /** An executor that notes its closing (and may fail at it); it never runs anything. */
    private final class Closing implements TaskExecutor, AutoCloseable {
        private final String name;
        private final boolean fails;

        Closing(String name, boolean fails) {
            this.name = name;
            this.fails = fails;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public TaskHandle start(TaskLaunch launch) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<TaskHandle> reattach(TaskLaunch launch, String ref) {
            return Optional.empty();
        }

        @Override
        public void close() {
            closed.add(name);
            if (fails) {
                throw new IllegalStateException(name + " would not close");
            }
        }
    }

    @Test
    void closing_closes_every_closeable_executor_even_after_one_fails() {
        Map<String, TaskExecutor> executors = new LinkedHashMap<>();
        executors.put("local", new Closing("local", false));
        executors.put("kubernetes", new Closing("kubernetes", true));
        executors.put("offload", new Closing("offload", false));
        ExecutorSet set = new ExecutorSet(executors);

        set.close();

        assertThat(closed).containsExactly("local", "kubernetes", "offload");
        assertThat(set.byName()).containsOnlyKeys("local", "kubernetes", "offload");
    }
}
