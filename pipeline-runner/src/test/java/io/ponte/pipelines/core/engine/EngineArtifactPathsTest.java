package io.ponte.pipelines.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.ponte.pipelines.spi.ArtifactRef;
import io.ponte.pipelines.spi.RunRecord;
import io.ponte.pipelines.spi.RunState;
import io.ponte.pipelines.spi.TaskState;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Components that use an artifact's {@code .uri} as KFP's executor does (writing to and reading
 * from the path derived from it, {@code s3://b/k} → {@code /s3/b/k}) work on a runtime with its own
 * filesystem, where the runner mounts the staged files there; on the subprocess runtime those paths
 * do not exist, and the attempt's log says which mounts were not applied.
 */
class EngineArtifactPathsTest {

    /** A producer writes its Dataset to the path derived from its URI; a consumer reads its input the same way. */
    static final String URI_WRITERS = """
            pipelineInfo: {name: uri-writers}
            components:
              comp-producer:
                executorLabel: exec-producer
                outputDefinitions:
                  artifacts: {data: {artifactType: {schemaTitle: system.Dataset, schemaVersion: 0.0.1}}}
              comp-consumer:
                executorLabel: exec-consumer
                inputDefinitions:
                  artifacts: {data: {artifactType: {schemaTitle: system.Dataset, schemaVersion: 0.0.1}}}
                outputDefinitions: {parameters: {seen: {parameterType: STRING}}}
            deploymentSpec:
              executors:
                exec-producer:
                  container:
                    image: tiny
                    command:
                    - sh
                    - -c
                    - 'case "$1" in *"$0"*) ;; *) exit 3 ;; esac; p="/s3/${0#s3://}"; echo "rows from the producer" > "$p"'
                    - "{{$.outputs.artifacts['data'].uri}}"
                    - "{{$}}"
                exec-consumer:
                  container:
                    image: tiny
                    command: [sh, -c, 'cat "/s3/${0#s3://}" > "$1"', "{{$.inputs.artifacts['data'].uri}}", "{{$.outputs.parameters['seen'].output_file}}"]
            root:
              dag:
                tasks:
                  producer:
                    componentRef: {name: comp-producer}
                    taskInfo: {name: producer}
                  consumer:
                    componentRef: {name: comp-consumer}
                    taskInfo: {name: consumer}
                    dependentTasks: [producer]
                    inputs:
                      artifacts: {data: {taskOutputArtifact: {producerTask: producer, outputArtifactKey: data}}}
            """;

    @TempDir
    Path dir;

    @Test
    void uri_derived_paths_are_mounted_on_a_runtime_with_its_own_filesystem() throws Exception {
        Assumptions.assumeTrue(
                Files.isExecutable(Path.of("/usr/bin/bwrap")),
                "bubblewrap (bwrap) is not installed here: the own-filesystem case is skipped");
        Path rootfs = HostRootfs.build(dir.resolve("rootfs"), "sh", "cat");
        try (TestEngines t = new TestEngines(
                dir,
                Map.of(
                        "default-runtime", "bubblewrap",
                        "images.tiny.runtime", "bubblewrap",
                        "images.tiny.location", rootfs.toString()))) {
            RunRecord run = t.engine.create(TestEngines.uncached(URI_WRITERS, Map.of()));

            RunRecord end = t.awaitEnd(run.id());

            assertThat(end.state()).as("%s", t.store.tasks(run.id())).isEqualTo(RunState.SUCCEEDED);
            ArtifactRef data = t.task(run.id(), "root/producer")
                    .outputArtifacts()
                    .get("data")
                    .get(0);
            assertThat(data.uri()).startsWith("s3://ponte-pipelines/runs/" + run.id() + "/");
            try (InputStream in = t.objects.open(data.uri()).orElseThrow()) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                        .isEqualTo("rows from the producer\n");
            }
            assertThat(t.task(run.id(), "root/consumer").outputParameters())
                    .containsEntry("seen", "rows from the producer\n");
        }
    }

    @Test
    void the_subprocess_runtime_cannot_honour_uri_derived_paths_and_its_log_says_so() throws Exception {
        try (TestEngines t = new TestEngines(dir, Map.of("images.tiny.runtime", "subprocess"))) {
            RunRecord run = t.engine.create(TestEngines.uncached(URI_WRITERS, Map.of()));

            RunRecord end = t.awaitEnd(run.id());

            assertThat(end.state()).isEqualTo(RunState.FAILED);
            assertThat(t.task(run.id(), "root/producer").state()).isEqualTo(TaskState.FAILED);
            String log;
            try (InputStream in = t.engine.logs(run.id(), "root/producer", Optional.empty(), false)) {
                log = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            assertThat(log)
                    .contains("mounts not applied")
                    .contains("/s3/ponte-pipelines/runs/" + run.id() + "/root/producer");
        }
    }
}
