package io.ponte.pipelines.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.ponte.pipelines.spi.RunRecord;
import io.ponte.pipelines.spi.RunState;
import io.ponte.pipelines.spi.TaskState;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineBasicsTest {

    @TempDir
    Path dir;

    TestEngines t;

    @BeforeEach
    void setUp() {
        t = new TestEngines(dir);
    }

    @AfterEach
    void tearDown() {
        t.close();
    }

    @Test
    void passes_an_output_parameter_from_producer_to_consumer() {
        RunRecord run = t.engine.create(TestEngines.uncached(Pipelines.PRODUCER_CONSUMER, Map.of("text", "hi")));
        RunRecord end = t.awaitEnd(run.id());
        assertThat(end.state()).as("%s", t.store.tasks(run.id())).isEqualTo(RunState.SUCCEEDED);
        assertThat(t.task(run.id(), "root/producer").outputParameters()).containsEntry("out", "hi!\n");
        assertThat(t.task(run.id(), "root/consumer").inputParameters()).containsEntry("text", "hi!\n");
        assertThat(t.task(run.id(), "root/consumer").state()).isEqualTo(TaskState.SUCCEEDED);
    }
}
