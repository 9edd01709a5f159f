package io.ponte.cli;

import static io.ponte.cli.http.Fields.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ponte.cli.rag.Question;
import io.ponte.cli.rag.RagService;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "ask",
        mixinStandardHelpOptions = true,
        description = {
            "Answers a question from the documentation in a rag collection, with its sources.",
            "Prints the rag service's answer, then the sources its [n] markers cite. An extractive answer (the "
                    + "service has no language model) and a refusal (the documentation does not cover the "
                    + "question) say so."
        })
final class AskCommand implements Callable<Integer> {
    @Mixin
    RagOptions options;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "QUESTION", description = "The question; quotes are optional.")
    List<String> words;

    @Option(
            names = "--collection",
            paramLabel = "C",
            description = "The collection to search (default: the service's default collection).")
    String collection;

    @Option(names = "--source", paramLabel = "PREFIX", description = "Search only files whose path starts with PREFIX.")
    String source;

    @Option(names = "--stream", description = "Print the answer as it is written.")
    boolean stream;

    @Override
    public Integer call() {
        if (stream && options.json()) {
            throw new ParameterException(spec.commandLine(), "--json and --stream do not go together");
        }
        Question question =
                new Question(String.join(" ", words), Optional.ofNullable(collection), Optional.ofNullable(source));
        RagService rag = options.rag();
        PrintWriter out = spec.commandLine().getOut();
        if (stream) {
            StringBuilder streamed = new StringBuilder();
            ObjectNode done = rag.askStreaming(question, piece -> {
                out.print(piece);
                out.flush();
                streamed.append(piece);
            });
            if (streamed.isEmpty()) {
                out.print(text(done, "answer", ""));
            }
            out.println();
            printSources(out, done);
            return 0;
        }
        ObjectNode answer = rag.ask(question);
        if (options.json()) {
            JsonOutput.print(spec, answer);
            return 0;
        }
        out.println(text(answer, "answer", ""));
        printSources(out, answer);
        return 0;
    }

    /** What the answer's mode means when it is not a generated answer, then the sources it cites. */
    private static void printSources(PrintWriter out, ObjectNode answer) {
        String mode = text(answer, "mode", "generated");
        switch (mode) {
            case "generated" -> {}
            case "extractive" ->
                out.printf("%n(extractive answer: the rag service has no language model, so these are the passages "
                        + "that match best, as written)%n");
            case "refused" -> out.printf("%n(refused: the documentation does not cover this question)%n");
            default -> out.printf("%n(answer mode: %s)%n", mode);
        }
        JsonNode citations = answer.path("citations");
        if (citations.isEmpty()) {
            return;
        }
        out.printf("%nSources:%n");
        for (JsonNode citation : citations) {
            out.println(citation(citation));
        }
    }

    /** {@code [n] file § heading (lines a-b)}, without the parts the citation lacks. */
    static String citation(JsonNode citation) {
        StringBuilder line =
                new StringBuilder("[" + text(citation, "number", "?") + "] " + text(citation, "file", "?"));
        text(citation, "heading")
                .filter(h -> !h.isBlank())
                .ifPresent(h -> line.append(" § ").append(h));
        text(citation, "lines")
                .filter(l -> !l.isBlank())
                .ifPresent(l -> line.append(" (lines ").append(l).append(')'));
        return line.toString();
    }
}
