package io.ponte.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "plan",
        mixinStandardHelpOptions = true,
        description = {
            "Prints how a pipeline would run, without running it.",
            "Sends the compiled IR (YAML or JSON) to the pipeline runner and prints the planned DAG as JSON: "
                    + "every task with its dependencies and the executor that would run it. A malformed or "
                    + "inconsistent file is an error naming the IR path at fault (exit code 1)."
        })
final class PipelinesPlanCommand implements Callable<Integer> {
    @ParentCommand
    PipelinesCommand pipelines;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The compiled pipeline (KFP IR YAML or JSON).")
    Path file;

    @Override
    public Integer call() {
        String ir = Runners.readIr(spec, file);
        JsonOutput.print(spec, pipelines.runner().plan(ir));
        return 0;
    }
}
