package io.ponte.cli;

import static io.ponte.cli.http.Fields.text;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "retry",
        mixinStandardHelpOptions = true,
        description = {
            "Runs again the tasks of a run that failed, were cancelled or never ran.",
            "Tasks that succeeded keep their outputs and are not run again."
        })
final class RunsRetryCommand implements Callable<Integer> {
    @ParentCommand
    RunsCommand runs;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN", description = "The run id.")
    String id;

    @Option(names = "--follow", description = "Wait for the run, printing task states as they change.")
    boolean follow;

    @Override
    public Integer call() throws InterruptedException {
        ObjectNode run = runs.runner().retry(id);
        spec.commandLine().getOut().println("run " + id + " " + text(run, "state", "RUNNING"));
        if (!follow) {
            return 0;
        }
        return new RunFollower(
                        runs.runner(),
                        spec.commandLine().getOut(),
                        spec.commandLine().getErr())
                .follow(id);
    }
}
