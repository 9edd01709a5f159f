package io.ponte.cli;

import io.ponte.cli.registry.JsonObject;
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
        JsonObject model = registry.model(name);
        String id = ModelRegistry.id(model);
        List<JsonObject> versions = registry.versions(id);
        Map<String, String> aliases = registry.aliases(id);
        if (models.json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("registeredModel", model);
            json.put("versions", versions);
            json.put("aliases", aliases);
            ModelsCommand.printJson(spec, json);
            return 0;
        }
        PrintWriter out = spec.commandLine().getOut();
        new Table()
                .row("NAME", model.text("name", name))
                .row("ID", id)
                .row("STATE", model.text("state", "-"))
                .row("OWNER", model.text("owner", "-"))
                .row("DESCRIPTION", model.text("description", "-"))
                .row("UPDATED", Table.time(model.text("lastUpdateTimeSinceEpoch")))
                .print(out);
        out.println();
        if (versions.isEmpty()) {
            out.println("No versions yet: ponte models register " + name + " --version V --uri URI adds one.");
            return 0;
        }
        Table table = new Table("ID", "NAME", "STATE", "AUTHOR", "ALIASES");
        for (JsonObject version : versions) {
            String versionId = version.text("id", "-");
            table.row(
                    versionId,
                    version.text("name", "-"),
                    version.text("state", "-"),
                    version.text("author", "-"),
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
