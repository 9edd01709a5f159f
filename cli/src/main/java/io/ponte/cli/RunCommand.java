package io.ponte.cli;

import static io.ponte.cli.http.Fields.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ponte.cli.pipelines.Parameters;
import io.ponte.cli.pipelines.PipelineRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Runs a compiled Kubeflow pipeline on the pipeline runner.",
            "Sends the IR file with its parameters and prints the new run's id. With --follow it then prints "
                    + "each task's state as it changes and ends with the run: exit code 0 when it succeeded, "
                    + "1 when it failed or was cancelled."
        })
final class RunCommand implements Callable<Integer> {
    @ParentCommand
    Ponte ponte;

    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Parameters(index = "0", paramLabel = "FILE", description = "The compiled pipeline (KFP IR).")
    Path file;

    @Option(
            names = {"-p", "--param"},
            paramLabel = "NAME=VALUE",
            description = "A pipeline parameter; VALUE is read as JSON when it is JSON (0.1, true, [1,2]), "
                    + "else as text. Repeat for several.")
    List<String> params = new ArrayList<>();

    @Option(names = "--no-cache", description = "Run every task, reusing no cached result.")
    boolean noCache;

    @Option(
            names = "--executor",
            paramLabel = "NAME",
            description =
                    "local, kubernetes or offload, for tasks " + "that ask for no placement (default: the runner's).")
    String executor;

    @Option(names = "--name", paramLabel = "NAME", description = "The run's display name (default: the pipeline's).")
    String name;

    @Option(names = "--pipeline-root", paramLabel = "S3_URI", description = "Where the run's artifacts go.")
    String pipelineRoot;

    @Option(names = "--follow", description = "Wait for the run, printing task states as they change.")
    boolean follow;

    @Option(
            names = "--runner",
            paramLabel = "URL",
            description = "The pipeline runner's address (default: $" + PipelineRunner.URL_VARIABLE + ", else "
                    + PipelineRunner.DEFAULT_URL + ").")
    String runner;

    @Override
    public Integer call() throws InterruptedException {
        String ir = Runners.readIr(spec, file);
        Map<String, Object> parameters;
        try {
            parameters = Parameters.parse(params);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        PipelineRunner client = Runners.of(spec, runner, ponte);
        ObjectNode run = client.create(new PipelineRunner.NewRun(
                ir,
                parameters,
                Optional.ofNullable(name),
                !noCache,
                Optional.ofNullable(executor),
                Optional.ofNullable(pipelineRoot)));
        String id = text(run, "run_id", "");
        spec.commandLine().getOut().println("run " + id + " " + text(run, "state", "PENDING"));
        if (!follow) {
            spec.commandLine().getOut().println("ponte runs get " + id + " shows its tasks.");
            return 0;
        }
        return new RunFollower(
                        client, spec.commandLine().getOut(), spec.commandLine().getErr())
                .follow(id);
    }

    static String taskDetail(JsonNode task) {
        return text(task, "status_detail")
                .or(() -> Optional.ofNullable(task.path("error").path("message").textValue()))
                .orElse("");
    }
}
