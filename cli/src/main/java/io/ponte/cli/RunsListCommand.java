package io.ponte.cli;

import static io.ponte.cli.http.Fields.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description = {"Lists runs, newest first.", "One page at a time; the last line says how to get the next."})
final class RunsListCommand implements Callable<Integer> {
    @ParentCommand
    RunsCommand runs;

    @Spec
    CommandSpec spec;

    @Option(names = "--state", paramLabel = "STATE", description = "Only runs in this state (RUNNING, FAILED, …).")
    String state;

    @Option(names = "--pipeline", paramLabel = "NAME", description = "Only runs of this pipeline.")
    String pipeline;

    @Option(names = "--name", paramLabel = "TEXT", description = "Only runs whose name contains this.")
    String name;

    @Option(names = "--page-size", paramLabel = "N", description = "Runs per page (default: the runner's, 20).")
    Integer pageSize;

    @Option(names = "--page-token", paramLabel = "TOKEN", description = "The token a previous page printed.")
    String pageToken;

    @Override
    public Integer call() {
        Map<String, String> query = new LinkedHashMap<>();
        put(query, "state", state);
        put(query, "pipeline_name", pipeline);
        put(query, "name", name);
        ModelsCommand.positive(spec, "--page-size", pageSize).ifPresent(n -> query.put("page_size", "" + n));
        put(query, "page_token", pageToken);
        ObjectNode page = runs.runner().list(query);
        if (runs.json()) {
            JsonOutput.print(spec, page);
            return 0;
        }
        PrintWriter out = spec.commandLine().getOut();
        if (page.path("runs").isEmpty()) {
            out.println("No runs" + (query.isEmpty() ? " yet: ponte run FILE starts one." : " match."));
            return 0;
        }
        Table table = new Table("RUN", "NAME", "PIPELINE", "STATE", "CREATED");
        for (JsonNode run : page.path("runs")) {
            table.row(
                    text(run, "run_id", "-"),
                    text(run, "display_name", "-"),
                    text(run, "pipeline_name", "-"),
                    text(run, "state", "-"),
                    text(run, "created_at", "-"));
        }
        table.print(out);
        text(page, "next_page_token")
                .filter(t -> !t.isBlank())
                .ifPresent(t -> out.println("More: ponte runs list --page-token " + t + " (same filters)."));
        return 0;
    }

    private static void put(Map<String, String> query, String key, String value) {
        if (value != null && !value.isBlank()) {
            query.put(key, value);
        }
    }
}
