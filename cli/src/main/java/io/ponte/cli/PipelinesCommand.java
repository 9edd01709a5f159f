package io.ponte.cli;

import io.ponte.cli.pipelines.PipelineRunner;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

@Command(
        name = "pipelines",
        mixinStandardHelpOptions = true,
        description = {
            "Checks Kubeflow Pipelines IR files against the pipeline runner.",
            "Talks to the pipeline runner over HTTP, so a plan shows the executors and placements "
                    + "the runner is configured with."
        },
        subcommands = {PipelinesPlanCommand.class})
final class PipelinesCommand implements Callable<Integer> {
    @ParentCommand
    Ponte ponte;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--runner",
            paramLabel = "URL",
            scope = ScopeType.INHERIT,
            description = "The pipeline runner's address (default: $" + PipelineRunner.URL_VARIABLE + ", else "
                    + PipelineRunner.DEFAULT_URL + ").")
    String runner;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    PipelineRunner runner() {
        return Runners.of(spec, runner, ponte);
    }
}
