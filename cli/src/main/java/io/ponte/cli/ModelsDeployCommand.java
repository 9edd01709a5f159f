package io.ponte.cli;

import static io.ponte.cli.http.Fields.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ponte.cli.registry.Deployment;
import io.ponte.cli.registry.ModelRegistry;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "deploy",
        mixinStandardHelpOptions = true,
        description = {
            "Deploys a model version.",
            "Asks the registry to deploy a version of a model to a placement: it records an "
                    + "InferenceService and creates the KServe InferenceService. VERSION is a version's "
                    + "name or @ALIAS for the version an alias points at."
        })
final class ModelsDeployCommand implements Callable<Integer> {
    @ParentCommand
    ModelsCommand models;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "The registered model's name.")
    String name;

    @Parameters(index = "1", paramLabel = "VERSION", description = "The version's name, or @ALIAS.")
    String version;

    @Option(
            names = "--placement",
            required = true,
            paramLabel = "P",
            description = "One of the registry's placements: where and on what the version runs.")
    String placement;

    @Option(names = "--namespace", paramLabel = "NS", description = "Kubernetes namespace (default: the registry's).")
    String namespace;

    @Option(
            names = "--name",
            paramLabel = "ISVC_NAME",
            description = "The InferenceService's name (default: derived by the registry).")
    String serviceName;

    @Option(names = "--runtime", paramLabel = "R", description = "Serving runtime (default: the placement's).")
    String runtime;

    @Override
    public Integer call() {
        if (version.equals("@")) {
            throw new ParameterException(
                    spec.commandLine(), "VERSION '@' names no alias; write @ALIAS, e.g. @champion");
        }
        ModelRegistry registry = models.registry();
        String modelId = ModelRegistry.id(registry.model(name));
        ObjectNode modelVersion = version.startsWith("@")
                ? registry.aliasedVersion(modelId, version.substring(1))
                : registry.version(modelId, version);
        String versionId = ModelRegistry.id(modelVersion);
        ObjectNode answer = registry.deploy(
                versionId,
                new Deployment(
                        placement,
                        Optional.ofNullable(namespace),
                        Optional.ofNullable(serviceName),
                        Optional.ofNullable(runtime)));
        if (models.json()) {
            JsonOutput.print(spec, answer);
            return 0;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("deploying " + name + " version " + text(modelVersion, "name", version) + " (id " + versionId
                + ") to " + placement);
        JsonNode service = answer.path("inferenceService");
        JsonNode kserve = answer.path("kserve");
        out.println("inference service " + text(service, "id", "-")
                + text(service, "name").map(n -> " (" + n + ")").orElse("")
                + ": desired state " + text(service, "desiredState", "-"));
        out.println("kserve InferenceService " + text(kserve, "namespace", "-") + "/" + text(kserve, "name", "-"));
        return 0;
    }
}
