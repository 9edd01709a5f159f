package io.ponte.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.ponte.cli.registry.ModelRegistry;
import io.ponte.cli.registry.RegistryClient;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
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
    static final String DEFAULT_REGISTRY = "http://127.0.0.1:8081";
    static final String REGISTRY_VARIABLE = "PONTE_REGISTRY_URL";
    static final String TOKEN_VARIABLE = "PONTE_REGISTRY_TOKEN";

    /** Two spaces a level, every member and element on its own line, {@code "name": value}. */
    private static final ObjectWriter PRETTY = new ObjectMapper()
            .writer(new DefaultPrettyPrinter(Separators.createDefaultInstance()
                            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                            .withObjectEmptySeparator("")
                            .withArrayEmptySeparator(""))
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    @ParentCommand
    Ponte ponte;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--registry",
            paramLabel = "URL",
            scope = ScopeType.INHERIT,
            description = "The model registry's address (default: $" + REGISTRY_VARIABLE + ", else " + DEFAULT_REGISTRY
                    + ").")
    String registry;

    @Option(names = "--json", scope = ScopeType.INHERIT, description = "Print the registry's JSON instead of a table.")
    boolean json;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    ModelRegistry registry() {
        Optional<String> token = Optional.ofNullable(ponte.workspace().env().get(TOKEN_VARIABLE));
        return new ModelRegistry(new RegistryClient(registryUrl(), token));
    }

    /** The {@code --registry} option, else the environment, else the default; a bad URL is a usage error. */
    URI registryUrl() {
        String text = Optional.ofNullable(registry)
                .or(() -> Optional.ofNullable(ponte.workspace().env().get(REGISTRY_VARIABLE)))
                .filter(s -> !s.isBlank())
                .orElse(DEFAULT_REGISTRY)
                .strip();
        try {
            URI uri = new URI(text);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new ParameterException(
                spec.commandLine(), "the registry URL must be http://HOST[:PORT] or https://…, not '" + text + "'");
    }

    boolean json() {
        return json;
    }

    /** Prints {@code value} as indented JSON. */
    static void printJson(CommandSpec command, Object value) {
        try {
            command.commandLine().getOut().println(PRETTY.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
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
