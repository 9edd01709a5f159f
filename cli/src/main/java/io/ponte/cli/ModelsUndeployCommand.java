package io.ponte.cli;

import static io.ponte.cli.http.Fields.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "undeploy",
        mixinStandardHelpOptions = true,
        description = {
            "Undeploys an InferenceService.",
            "Asks the registry to undeploy an InferenceService (the id `ponte models deploy` printed) and "
                    + "prints its desired state."
        })
final class ModelsUndeployCommand implements Callable<Integer> {
    @ParentCommand
    ModelsCommand models;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ISVC_ID", description = "The registry's id of the InferenceService.")
    String id;

    @Override
    public Integer call() {
        ObjectNode answer = models.registry().undeploy(id);
        if (models.json()) {
            JsonOutput.print(spec, answer);
            return 0;
        }
        JsonNode service = answer.path("inferenceService").isObject() ? answer.path("inferenceService") : answer;
        String name = text(service, "name").map(n -> " (" + n + ")").orElse("");
        spec.commandLine()
                .getOut()
                .println("inference service " + text(service, "id", id) + name + ": desired state "
                        + text(service, "desiredState", "-"));
        return 0;
    }
}
