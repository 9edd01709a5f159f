package io.ponte.cli;

import static io.ponte.cli.http.Fields.text;

import io.ponte.cli.registry.ModelRegistry;
import io.ponte.cli.registry.Registration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "register",
        description = {
            "Registers a model version and its artifact.",
            "Registers a version of a model with one model artifact at URI, creating the registered "
                    + "model first when the registry has none by that name, and prints the ids created."
        })
final class ModelsRegisterCommand implements Callable<Integer> {
    @ParentCommand
    ModelsCommand models;

    @Spec
    CommandSpec spec;

    // Not mixinStandardHelpOptions: its --version would clash with the model version's.
    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Show this help message and exit.")
    boolean help;

    @Parameters(index = "0", paramLabel = "NAME", description = "The registered model's name.")
    String name;

    @Option(names = "--version", required = true, paramLabel = "V", description = "The new version's name.")
    String version;

    @Option(
            names = "--uri",
            required = true,
            paramLabel = "URI",
            description = "Where the model's files are: an s3://, pvc:// or https:// URI.")
    String uri;

    @Option(names = "--format", paramLabel = "NAME", description = "The model format, e.g. onnx, pytorch, vllm.")
    String format;

    @Option(names = "--format-version", paramLabel = "V", description = "The model format's version.")
    String formatVersion;

    @Option(names = "--author", paramLabel = "A", description = "Who made this version.")
    String author;

    @Option(names = "--description", paramLabel = "TEXT", description = "What this version is.")
    String description;

    @Option(
            names = "--property",
            paramLabel = "KEY=VALUE",
            description = "A custom property of the version; repeatable. Whole numbers are stored as ints, "
                    + "other numbers as doubles, true/false as bools, the rest as strings.")
    Map<String, String> properties = new LinkedHashMap<>();

    @Override
    public Integer call() {
        Registration.Registered registered = models.registry()
                .register(new Registration(
                        name,
                        version,
                        uri,
                        Optional.ofNullable(format),
                        Optional.ofNullable(formatVersion),
                        Optional.ofNullable(author),
                        Optional.ofNullable(description),
                        properties));
        if (models.json()) {
            JsonOutput.print(spec, registered.toJson());
            return 0;
        }
        new Table()
                .row(
                        "registered model",
                        text(registered.model(), "name", name),
                        "id " + ModelRegistry.id(registered.model()) + (registered.modelCreated() ? " (new)" : ""))
                .row(
                        "model version",
                        text(registered.version(), "name", version),
                        "id " + ModelRegistry.id(registered.version()))
                .row(
                        "model artifact",
                        text(registered.artifact(), "name", "-"),
                        "id " + ModelRegistry.id(registered.artifact()))
                .print(spec.commandLine().getOut());
        return 0;
    }
}
