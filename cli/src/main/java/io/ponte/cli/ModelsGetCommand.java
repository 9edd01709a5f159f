package io.ponte.cli;

import static io.ponte.cli.http.Fields.text;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ponte.cli.registry.ModelRegistry;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "get",
        mixinStandardHelpOptions = true,
        description = {
            "Shows a registered model, its versions and aliases.",
            "Shows a registered model, then a table of its versions (id, name, state, author) with the "
                    + "aliases that point at each."
        })
final class ModelsGetCommand implements Callable<Integer> {
    @ParentCommand
    ModelsCommand models;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "The registered model's name.")
    String name;

    @Override
    public Integer call() {
        ModelRegistry registry = models.registry();
        ObjectNode model = registry.model(name);
        String id = ModelRegistry.id(model);
        List<ObjectNode> versions = registry.versions(id);
        Map<String, String> aliases = registry.aliases(id);
        if (models.json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("registeredModel", model);
            json.put("versions", versions);
            json.put("aliases", aliases);
            JsonOutput.print(spec, json);
            return 0;
        }
        PrintWriter out = spec.commandLine().getOut();
        new Table()
                .row("NAME", text(model, "name", name))
                .row("ID", id)
                .row("STATE", text(model, "state", "-"))
                .row("OWNER", text(model, "owner", "-"))
                .row("DESCRIPTION", text(model, "description", "-"))
                .row("UPDATED", Table.time(text(model, "lastUpdateTimeSinceEpoch")))
                .print(out);
        out.println();
        if (versions.isEmpty()) {
            out.println("No versions yet: ponte models register " + name + " --version V --uri URI adds one.");
            return 0;
        }
        Table table = new Table("ID", "NAME", "STATE", "AUTHOR", "ALIASES");
        for (ObjectNode version : versions) {
            String versionId = text(version, "id", "-");
            table.row(
                    versionId,
                    text(version, "name", "-"),
                    text(version, "state", "-"),
                    text(version, "author", "-"),
                    aliasesOf(aliases, versionId));
        }
        table.print(out);
        return 0;
    }

    private static String aliasesOf(Map<String, String> aliases, String versionId) {
        String names = aliases.entrySet().stream()
                .filter(e -> e.getValue().equals(versionId))
                .map(Map.Entry::getKey)
                .collect(Collectors.joining(","));
        return names.isEmpty() ? "-" : names;
    }
}
