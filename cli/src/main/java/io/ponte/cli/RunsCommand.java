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
        name = "runs",
        mixinStandardHelpOptions = true,
        description = {
            "Lists and inspects pipeline runs; shows task logs; terminates, retries and reruns runs.",
            "Talks to the pipeline runner over HTTP (its KFP v2beta1-style runs API)."
        },
        subcommands = {
            RunsListCommand.class,
            RunsGetCommand.class,
            RunsLogsCommand.class,
            RunsTerminateCommand.class,
            RunsRetryCommand.class,
            RunsRerunCommand.class
        })
final class RunsCommand implements Callable<Integer> {
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

    @Option(names = "--json", scope = ScopeType.INHERIT, description = "Print the runner's JSON instead of a table.")
    boolean json;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    PipelineRunner runner() {
        return Runners.of(spec, runner, ponte);
    }

    boolean json() {
        return json;
    }
}
