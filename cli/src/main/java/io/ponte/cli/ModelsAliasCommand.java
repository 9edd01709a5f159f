package io.ponte.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ponte.cli.registry.ModelRegistry;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "alias",
        mixinStandardHelpOptions = true,
        description = {
            "Points an alias of a model at a version, or removes it.",
            "Points ALIAS (e.g. champion) of the registered model NAME at its version VERSION, replacing "
                    + "where it pointed before; with --delete, removes the alias. "
                    + "`ponte models deploy NAME @ALIAS` deploys what an alias points at."
        })
final class ModelsAliasCommand implements Callable<Integer> {
    @ParentCommand
    ModelsCommand models;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "The registered model's name.")
    String name;

    @Parameters(index = "1", paramLabel = "ALIAS", description = "The alias, e.g. champion.")
    String alias;

    @Parameters(
            index = "2",
            arity = "0..1",
            paramLabel = "VERSION",
            description = "The version's name; not with --delete.")
    String version;

    @Option(names = "--delete", description = "Remove the alias instead.")
    boolean delete;

    @Override
    public Integer call() {
        if (delete == (version != null)) {
            throw new ParameterException(
                    spec.commandLine(), delete ? "--delete takes no VERSION" : "Missing VERSION (or --delete)");
        }
        ModelRegistry registry = models.registry();
        String modelId = ModelRegistry.id(registry.model(name));
        ObjectNode answer;
        String done;
        if (delete) {
            registry.deleteAlias(modelId, alias);
            answer = JsonNodeFactory.instance.objectNode();
            done = "alias " + alias + " of " + name + " removed";
        } else {
            String versionId = ModelRegistry.id(registry.version(modelId, version));
            answer = registry.setAlias(modelId, alias, versionId);
            done = "alias " + alias + " of " + name + " -> version " + version + " (id " + versionId + ")";
        }
        if (models.json()) {
            JsonOutput.print(spec, answer);
        } else {
            spec.commandLine().getOut().println(done);
        }
        return 0;
    }
}
