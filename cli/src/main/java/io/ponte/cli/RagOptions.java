package io.ponte.cli;

import io.ponte.cli.rag.RagService;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The options of every command that talks to the rag service: where it is, and {@code --json}. */
final class RagOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(
            names = "--rag",
            paramLabel = "URL",
            description = "The rag service's address (default: $" + RagService.URL_VARIABLE + ", else "
                    + RagService.DEFAULT_URL + ").")
    String url;

    @Option(names = "--json", description = "Print the rag service's JSON answer instead of text.")
    boolean json;

    RagService rag() {
        Ponte ponte = (Ponte) command.root().userObject();
        return new RagService(
                Clients.of(command, RagService.SERVICE, url, ponte.workspace().env()));
    }

    boolean json() {
        return json;
    }
}
