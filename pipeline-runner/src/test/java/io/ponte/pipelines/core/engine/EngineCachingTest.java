package io.ponte.pipelines.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.ponte.pipelines.core.Runs;
import io.ponte.pipelines.spi.RunRecord;
import io.ponte.pipelines.spi.TaskRecord;
import io.ponte.pipelines.spi.TaskState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineCachingTest {

    /** Counts its executions in the file named by its parameter, writes an output and an artifact. */
    static final String COUNTING =
            "echo run >> \"$0\"; echo value > \"$1\"; mkdir -p \"$(dirname \"$2\")\"; echo data > \"$2\"";

    @TempDir
    Path dir;

    TestEngines t;
    Path counter;

    @BeforeEach
    void setUp() {
        t = new TestEngines(dir);
        counter = dir.resolve("count");
    }

    @AfterEach
    void tearDown() {
        t.close();
    }

    private String ir(boolean enableCache) {
        return Pipelines.single(COUNTING, "", "        cachingOptions: {enableCache: " + enableCache + "}");
    }

    private TaskRecord runOnce(String ir, boolean runCaching) {
        Runs.CreateRun req = new Runs.CreateRun(
                Optional.empty(), ir, Map.of("p", counter.toString()), Optional.empty(), runCaching, Optional.empty());
        RunRecord run = t.engine.create(req);
        t.awaitEnd(run.id());
        return t.task(run.id(), "root/t");
    }

    private long executions() throws Exception {
        return Files.readAllLines(counter).size();
    }

    @Test
    void a_second_identical_run_is_served_from_the_cache_and_says_why() throws Exception {
        TaskRecord first = runOnce(ir(true), true);
        TaskRecord second = runOnce(ir(true), true);
        assertThat(first.state()).isEqualTo(TaskState.SUCCEEDED);
        assertThat(second.state()).isEqualTo(TaskState.CACHED);
        assertThat(executions()).isEqualTo(1);
        assertThat(second.outputParameters()).isEqualTo(first.outputParameters());
        assertThat(second.outputArtifacts().get("data").get(0).uri())
                .isEqualTo(first.outputArtifacts().get("data").get(0).uri());
        assertThat(second.cacheKey()).isEqualTo(first.cacheKey());
        assertThat(second.statusDetail())
                .hasValueSatisfying(d -> assertThat(d)
                        .contains("cache hit")
                        .contains(first.runId())
                        .contains("root/t")
                        .contains("image alpine")
                        .contains("parameters p"));
    }

    @Test
    void a_changed_input_misses_the_cache() throws Exception {
        runOnce(ir(true), true);
        String other = Pipelines.single(COUNTING + "; true", "", "        cachingOptions: {enableCache: true}");
        TaskRecord second = runOnce(other, true);
        assertThat(second.state()).isEqualTo(TaskState.SUCCEEDED);
        assertThat(executions()).isEqualTo(2);
    }

    @Test
    void a_run_that_opts_out_runs_again() throws Exception {
        runOnce(ir(true), true);
        TaskRecord second = runOnce(ir(true), false);
        assertThat(second.state()).isEqualTo(TaskState.SUCCEEDED);
        assertThat(second.cacheKey()).isEmpty();
        assertThat(executions()).isEqualTo(2);
    }

    @Test
    void a_task_without_enable_cache_runs_again() throws Exception {
        runOnce(ir(false), true);
        TaskRecord second = runOnce(ir(false), true);
        assertThat(second.state()).isEqualTo(TaskState.SUCCEEDED);
        assertThat(executions()).isEqualTo(2);
    }

    @Test
    void caching_switched_off_globally_runs_again() throws Exception {
        runOnce(ir(true), true);
        t.engine.close();
        t.start(EngineSettings.defaults(dir.resolve("work")).withCaching(false));
        TaskRecord second = runOnce(ir(true), true);
        assertThat(second.state()).isEqualTo(TaskState.SUCCEEDED);
        assertThat(executions()).isEqualTo(2);
    }

    @Test
    void the_key_covers_the_content_of_input_artifacts() throws Exception {
        // Two runs read an input artifact by URI: same URI, changed bytes -> no hit.
        String ir = """
                pipelineInfo: {name: reader}
                components:
                  comp-read:
                    executorLabel: exec-read
                    inputDefinitions: {artifacts: {in: {artifactType: {schemaTitle: system.Dataset}}}, parameters: {p: {parameterType: STRING}}}
                deploymentSpec:
                  executors:
                    exec-read:
                      container:
                        image: alpine
                        command: [sh, -c, 'cat "$0" >> "$1"', "{{$.inputs.artifacts['in'].path}}", "{{$.inputs.parameters['p']}}"]
                root:
                  inputDefinitions:
                    artifacts: {data: {artifactType: {schemaTitle: system.Dataset}}}
                    parameters: {p: {parameterType: STRING}}
                  dag:
                    tasks:
                      read:
                        componentRef: {name: comp-read}
                        taskInfo: {name: read}
                        cachingOptions: {enableCache: true}
                        inputs:
                          artifacts: {in: {componentInputArtifact: data}}
                          parameters: {p: {componentInputParameter: p}}
                """;
        String uri = "s3://inputs/data.txt";
        t.objects.put(uri, "one\n".getBytes(), "text/plain");
        Map<String, Object> params = Map.of("data", uri, "p", counter.toString());
        RunRecord a = t.engine.create(TestEngines.request(ir, params));
        t.awaitEnd(a.id());
        RunRecord b = t.engine.create(TestEngines.request(ir, params));
        t.awaitEnd(b.id());
        assertThat(t.task(b.id(), "root/read").state()).isEqualTo(TaskState.CACHED);
        t.objects.put(uri, "two\n".getBytes(), "text/plain");
        RunRecord c = t.engine.create(TestEngines.request(ir, params));
        t.awaitEnd(c.id());
        assertThat(t.task(c.id(), "root/read").state()).isEqualTo(TaskState.SUCCEEDED);
        assertThat(Files.readString(counter)).isEqualTo("one\ntwo\n");
    }
}
