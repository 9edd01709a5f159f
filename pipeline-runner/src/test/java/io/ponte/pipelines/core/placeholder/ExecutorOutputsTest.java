package io.ponte.pipelines.core.placeholder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ponte.pipelines.core.ir.ParameterDef;
import io.ponte.pipelines.core.ir.ParameterType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExecutorOutputsTest {

    @TempDir
    Path dir;

    @Test
    void reads_typed_parameter_files_and_the_executor_output() throws IOException {
        Files.writeString(dir.resolve("n"), "42\n");
        Files.writeString(dir.resolve("l"), "[1, 2]");
        Files.writeString(dir.resolve("s"), "text\n");
        Path out = dir.resolve("output_metadata.json");
        Files.writeString(out, """
                {"parameterValues": {"s": "from-executor-output", "extra": 1.5},
                 "artifacts": {"model": {"artifacts": [{"name": "model", "metadata": {"accuracy": 0.9}}]}}}
                """);
        Map<String, ParameterDef> declared = Map.of(
                "n", new ParameterDef("n", ParameterType.NUMBER_INTEGER, Optional.empty(), false),
                "l", new ParameterDef("l", ParameterType.LIST, Optional.empty(), false),
                "s", new ParameterDef("s", ParameterType.STRING, Optional.empty(), false));
        var produced = ExecutorOutputs.read(
                declared,
                Map.of(
                        "n",
                        dir.resolve("n").toString(),
                        "l",
                        dir.resolve("l").toString(),
                        "s",
                        dir.resolve("s").toString()),
                out);
        assertThat(produced.parameters())
                .containsEntry("n", 42L)
                .containsEntry("l", List.of(1, 2))
                .containsEntry("s", "from-executor-output")
                .containsEntry("extra", 1.5);
        assertThat(produced.artifactMetadata().get("model")).containsEntry("accuracy", 0.9);
    }

    @Test
    void a_value_of_the_wrong_type_names_the_output() throws IOException {
        Files.writeString(dir.resolve("n"), "many");
        Map<String, ParameterDef> declared =
                Map.of("n", new ParameterDef("n", ParameterType.NUMBER_INTEGER, Optional.empty(), false));
        assertThatThrownBy(() -> ExecutorOutputs.read(
                        declared, Map.of("n", dir.resolve("n").toString()), dir.resolve("none")))
                .hasMessageContaining("output parameter n is not a valid NUMBER_INTEGER");
    }
}
