package io.ponte.cli;

import io.ponte.cli.registry.ModelRegistry;
import java.net.URI;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

@Command(
        name = "models",
        mixinStandardHelpOptions = true,
        description = {
            "Lists, registers, aliases and deploys models in the model registry.",
            "Talks to the model registry over HTTP: the Kubeflow Model Registry API and Ponte's aliases "
                    + "and deployments. Set PONTE_REGISTRY_TOKEN when the registry wants a bearer token."
        },
        subcommands = {
            ModelsListCommand.class,
            ModelsGetCommand.class,
            ModelsRegisterCommand.class,
            ModelsAliasCommand.class,
            ModelsDeployCommand.class,
            ModelsUndeployCommand.class
        })
final class ModelsCommand implements Callable<Integer> {
    @ParentCommand
    Ponte ponte;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--registry",
            paramLabel = "URL",
            scope = ScopeType.INHERIT,
            description = "The model registry's address (default: $" + ModelRegistry.URL_VARIABLE + ", else "
                    + ModelRegistry.DEFAULT_URL + ").")
    String registry;

    @Option(names = "--json", scope = ScopeType.INHERIT, description = "Print the registry's JSON instead of a table.")
    boolean json;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    ModelRegistry registry() {
        return new ModelRegistry(Clients.of(
                spec, ModelRegistry.SERVICE, registry, ponte.workspace().env()));
    }

    /** The {@code --registry} option, else the environment, else the default; a bad URL is a usage error. */
    URI registryUrl() {
        return Clients.url(
                spec, ModelRegistry.SERVICE, registry, ponte.workspace().env());
    }

    boolean json() {
        return json;
    }

    /** {@code value} when it is positive; a usage error naming {@code option} otherwise. */
    static OptionalInt positive(CommandSpec command, String option, Integer value) {
        if (value == null) {
            return OptionalInt.empty();
        }
        if (value < 1) {
            throw new ParameterException(command.commandLine(), option + " must be 1 or more, not " + value);
        }
        return OptionalInt.of(value);
    }
}
