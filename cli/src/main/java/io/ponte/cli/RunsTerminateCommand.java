package io.ponte.cli;

import static io.ponte.cli.http.Fields.text;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "terminate",
        mixinStandardHelpOptions = true,
        description = {
            "Stops a run.",
            "Its running tasks are stopped, then its exit handlers run; the run ends CANCELED."
        })
final class RunsTerminateCommand implements Callable<Integer> {
    @ParentCommand
    RunsCommand runs;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN", description = "The run id.")
    String id;

    @Override
    public Integer call() {
        ObjectNode run = runs.runner().terminate(id);
        if (runs.json()) {
            run.remove("pipeline_spec");
            JsonOutput.print(spec, run);
        } else {
            spec.commandLine().getOut().println("run " + id + " " + text(run, "state", "CANCELING"));
        }
        return 0;
    }
}
