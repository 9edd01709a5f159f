package io.ponte.cli;

import static io.ponte.cli.http.Fields.text;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ponte.cli.registry.Listing;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description = {
            "Lists registered models.",
            "Lists registered models: id, name, state, owner, last update. Reads every page the "
                    + "registry has, or stops at --limit."
        })
final class ModelsListCommand implements Callable<Integer> {
    @ParentCommand
    ModelsCommand models;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--filter",
            paramLabel = "QUERY",
            description = "The registry's filter query, e.g. \"name LIKE 'llama%'\" or \"state = 'LIVE'\".")
    String filter;

    @Option(names = "--page-size", paramLabel = "N", description = "Models per request (default: the registry's).")
    Integer pageSize;

    @Option(names = "--limit", paramLabel = "N", description = "List at most N models.")
    Integer limit;

    @Override
    public Integer call() {
        Listing listing = models.registry()
                .models(
                        Optional.ofNullable(filter),
                        ModelsCommand.positive(spec, "--page-size", pageSize),
                        ModelsCommand.positive(spec, "--limit", limit));
        if (models.json()) {
            JsonOutput.print(spec, listing.toJson());
            return 0;
        }
        PrintWriter out = spec.commandLine().getOut();
        if (listing.items().isEmpty()) {
            out.println(filter == null ? "No registered models." : "No registered model matches the filter.");
            return 0;
        }
        Table table = new Table("ID", "NAME", "STATE", "OWNER", "UPDATED");
        for (ObjectNode model : listing.items()) {
            table.row(
                    text(model, "id", "-"),
                    text(model, "name", "-"),
                    text(model, "state", "-"),
                    text(model, "owner", "-"),
                    Table.time(text(model, "lastUpdateTimeSinceEpoch")));
        }
        table.print(out);
        if (listing.more()) {
            out.println("(more models: raise --limit or narrow --filter)");
        }
        return 0;
    }
}
