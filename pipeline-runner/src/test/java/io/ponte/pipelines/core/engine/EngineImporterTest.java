package io.ponte.pipelines.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.ponte.pipelines.spi.ArtifactRef;
import io.ponte.pipelines.spi.RunRecord;
import io.ponte.pipelines.spi.RunState;
import io.ponte.pipelines.spi.TaskRecord;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** KFP's importer {@code reimport} flag: an artifact imported before is reused as registered, unless reimport is set. */
class EngineImporterTest {

    /** An importer of {@code uri} whose metadata carries the run's {@code tag}; then a consumer of the artifact. */
    static String importer(boolean reimport) {
        return """
                pipelineInfo: {name: importer}
                components:
                  comp-importer:
                    executorLabel: exec-importer
                    inputDefinitions: {parameters: {uri: {parameterType: STRING}, metadata: {parameterType: STRING}}}
                    outputDefinitions:
                      artifacts: {artifact: {artifactType: {schemaTitle: system.Dataset, schemaVersion: 0.0.1}}}
                  comp-use:
                    executorLabel: exec-use
                    inputDefinitions:
                      artifacts: {data: {artifactType: {schemaTitle: system.Dataset, schemaVersion: 0.0.1}}}
                deploymentSpec:
                  executors:
                    exec-importer:
                      importer:
                        artifactUri: {runtimeParameter: uri}
                        typeSchema: {schemaTitle: system.Dataset, schemaVersion: 0.0.1}
                        metadata: {tag: "{{$.inputs.parameters['metadata']}}"}
                        reimport: %s
                    exec-use:
                      container:
                        image: alpine
                        command: [sh, -c, 'echo "$0"', "{{$.inputs.artifacts['data'].metadata}}"]
                root:
                  inputDefinitions: {parameters: {tag: {parameterType: STRING}}}
                  dag:
                    tasks:
                      importer:
                        componentRef: {name: comp-importer}
                        taskInfo: {name: importer}
                        inputs:
                          parameters:
                            uri: {runtimeValue: {constant: s3://ponte-pipelines/datasets/shakespeare.txt}}
                            metadata: {componentInputParameter: tag}
                      use:
                        componentRef: {name: comp-use}
                        taskInfo: {name: use}
                        dependentTasks: [importer]
                        inputs:
                          artifacts: {data: {taskOutputArtifact: {producerTask: importer, outputArtifactKey: artifact}}}
                """.formatted(reimport);
    }

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

    private TaskRecord importedBy(String ir, String tag) {
        RunRecord run = t.engine.create(TestEngines.uncached(ir, Map.of("tag", tag)));
        assertThat(t.awaitEnd(run.id()).state()).isEqualTo(RunState.SUCCEEDED);
        return t.task(run.id(), "root/importer");
    }

    private static Object tag(TaskRecord importer) {
        ArtifactRef a = importer.outputArtifacts().get("artifact").get(0);
        assertThat(a.uri()).isEqualTo("s3://ponte-pipelines/datasets/shakespeare.txt");
        return a.metadata().get("tag");
    }

    @Test
    void without_reimport_an_artifact_imported_before_is_reused_as_it_was_registered() {
        TaskRecord first = importedBy(importer(false), "v1");

        TaskRecord second = importedBy(importer(false), "v2");

        assertThat(tag(first)).isEqualTo("v1");
        assertThat(tag(second)).as("the earlier registration wins").isEqualTo("v1");
        assertThat(second.statusDetail().orElseThrow())
                .contains("reused the artifact registered by task root/importer of run " + first.runId());
    }

    @Test
    void with_reimport_the_artifact_is_registered_again_with_this_run_s_metadata() {
        importedBy(importer(false), "v1");

        TaskRecord again = importedBy(importer(true), "v2");
        TaskRecord after = importedBy(importer(false), "v3");

        assertThat(tag(again)).isEqualTo("v2");
        assertThat(again.statusDetail().orElseThrow()).contains("registered again");
        assertThat(tag(after)).as("later imports reuse the newest registration").isEqualTo("v2");
    }
}
