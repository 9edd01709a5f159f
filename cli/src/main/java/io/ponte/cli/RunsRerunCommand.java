package io.ponte.cli;

import static io.ponte.cli.http.Fields.text;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ponte.cli.pipelines.Parameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "rerun",
        mixinStandardHelpOptions = true,
        description = {
            "Starts a new run from a task of an earlier run, with changed parameters.",
            "Tasks before --from keep the earlier run's outputs; --from and everything after it run again."
        })
final class RunsRerunCommand implements Callable<Integer> {
    @ParentCommand
    RunsCommand runs;

    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Parameters(index = "0", paramLabel = "RUN", description = "The earlier run's id.")
    String id;

    @Option(names = "--from", required = true, paramLabel = "TASK", description = "The task to run again from.")
    String fromTask;

    @Option(
            names = {"-p", "--param"},
            paramLabel = "NAME=VALUE",
            description = "A changed parameter (JSON when it is JSON, else text). Repeat for several.")
    List<String> params = new ArrayList<>();

    @Option(names = "--follow", description = "Wait for the new run, printing task states as they change.")
    boolean follow;

    @Override
    public Integer call() throws InterruptedException {
        Map<String, Object> changes;
        try {
            changes = Parameters.parse(params);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        ObjectNode run = runs.runner().rerun(id, fromTask, changes);
        String newId = text(run, "run_id", "");
        spec.commandLine().getOut().println("run " + newId + " " + text(run, "state", "PENDING"));
        if (!follow) {
            return 0;
        }
        return new RunFollower(
                        runs.runner(),
                        spec.commandLine().getOut(),
                        spec.commandLine().getErr())
                .follow(newId);
    }
}
