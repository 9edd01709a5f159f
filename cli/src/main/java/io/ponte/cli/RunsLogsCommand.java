package io.ponte.cli;

import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "logs",
        mixinStandardHelpOptions = true,
        description = {
            "Prints a task's log.",
            "The latest attempt's log unless --attempt says which; with --follow it keeps printing while "
                    + "the task runs and stops when the attempt ends."
        })
final class RunsLogsCommand implements Callable<Integer> {
    @ParentCommand
    RunsCommand runs;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN", description = "The run id.")
    String id;

    @Parameters(
            index = "1",
            paramLabel = "TASK",
            description = "The task path, e.g. root/train (as ponte runs get shows).")
    String task;

    @Option(names = "--attempt", paramLabel = "N", description = "Which attempt (1 is the first).")
    Integer attempt;

    @Option(
            names = {"-f", "--follow"},
            description = "Keep printing until the attempt ends.")
    boolean follow;

    @Override
    public Integer call() {
        Optional<Integer> which = Optional.ofNullable(attempt);
        ModelsCommand.positive(spec, "--attempt", attempt);
        runs.runner().logs(id, task, which, follow, spec.commandLine().getOut());
        return 0;
    }
}
