package io.ponte.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
        name = "rag",
        mixinStandardHelpOptions = true,
        description = {
            "Measures the rag service's retrieval.",
            "Talks to the rag service over HTTP. `ponte ingest` and `ponte ask` fill a collection and ask it."
        },
        subcommands = {RagEvalCommand.class})
final class RagCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }
}
