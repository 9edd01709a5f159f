package io.ponte.cli;

import static io.ponte.cli.http.Fields.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "get",
        mixinStandardHelpOptions = true,
        description = {
            "Shows a run and its tasks.",
            "The run, then a table of its tasks: state, attempts, executor, and why (a cache hit and where "
                    + "it came from, a Kueue admission state, an error)."
        })
final class RunsGetCommand implements Callable<Integer> {
    @ParentCommand
    RunsCommand runs;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN", description = "The run id.")
    String id;

    @Override
    public Integer call() {
        ObjectNode run = runs.runner().run(id);
        if (runs.json()) {
            run.remove("pipeline_spec");
            JsonOutput.print(spec, run);
            return 0;
        }
        print(run, spec.commandLine().getOut());
        return 0;
    }

    static void print(ObjectNode run, PrintWriter out) {
        new Table()
                .row("RUN", text(run, "run_id", "-"))
                .row("NAME", text(run, "display_name", "-"))
                .row("PIPELINE", text(run, "pipeline_name", "-"))
                .row("STATE", text(run, "state", "-"))
                .row("CREATED", text(run, "created_at", "-"))
                .row("FINISHED", text(run, "finished_at", "-"))
                .row("CACHING", run.path("enable_caching").asBoolean(true) ? "on" : "off")
                .row("ERROR", run.path("error").path("message").asText("-"))
                .print(out);
        JsonNode tasks = run.path("run_details").path("task_details");
        if (tasks.isEmpty()) {
            return;
        }
        out.println();
        Table table = new Table("TASK", "STATE", "ATTEMPTS", "EXECUTOR", "DETAIL");
        for (JsonNode task : tasks) {
            String detail = RunCommand.taskDetail(task);
            table.row(
                    text(task, "task_id", "-"),
                    text(task, "state", "-"),
                    text(task, "attempts", "0"),
                    text(task, "executor", "-"),
                    detail.isEmpty() ? "-" : detail);
        }
        table.print(out);
    }
}
