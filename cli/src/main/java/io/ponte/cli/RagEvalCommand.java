package io.ponte.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.MalformedInputException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "eval",
        mixinStandardHelpOptions = true,
        description = {
            "Scores retrieval on an evaluation set, mode by mode.",
            "Sends the evaluation set (JSON Lines: id, question, source_files, language) to the rag service, "
                    + "which retrieves every question in each mode, and prints recall@1, recall@5, MRR@10, "
                    + "nDCG@10, refusal accuracy and false refusals per mode, overall and per language. "
                    + "Waits up to 10 minutes."
        })
final class RagEvalCommand implements Callable<Integer> {
    /** A column after MODE and GROUP: its header and the member of a group's scores it shows. */
    private record Column(String header, String member) {}

    private static final List<Column> SCORES = List.of(
            new Column("RECALL@1", "recallAt1"),
            new Column("RECALL@5", "recallAt5"),
            new Column("MRR@10", "mrrAt10"),
            new Column("NDCG@10", "ndcgAt10"),
            new Column("REFUSAL-ACC", "refusalAccuracy"),
            new Column("FALSE-REFUSALS", "falseRefusalRate"));

    @Mixin
    RagOptions options;

    @Spec
    CommandSpec spec;

    @Option(names = "--qa", required = true, paramLabel = "FILE", description = "The evaluation set, JSON Lines.")
    Path qa;

    @Option(
            names = "--collection",
            paramLabel = "C",
            description = "The collection to search (default: the service's default collection).")
    String collection;

    @Option(
            names = "--modes",
            paramLabel = "MODES",
            description =
                    "Comma-separated retrieval modes among keyword, dense, hybrid, hybrid_rerank " + "(default: all).")
    String modes;

    @Option(
            names = "--answers",
            description = "Also have the service's language model answer every question and check the answers "
                    + "(reference key terms, citations of gold files, refusals).")
    boolean answers;

    @Override
    public Integer call() {
        Optional<String> questions = read(qa);
        if (questions.isEmpty()) {
            return 1;
        }
        ObjectNode report =
                options.rag().eval(Optional.ofNullable(collection), Optional.ofNullable(modes), questions.get());
        if (options.json()) {
            JsonOutput.print(spec, report);
            return 0;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf(
                "collection %s, %s questions%n%n",
                report.path("collection").asText("-"), report.path("questions").asText("?"));
        Table table = new Table(header());
        report.path("scores")
                .properties()
                .forEach(mode -> mode.getValue()
                        .properties()
                        .forEach(group -> table.row(row(mode.getKey(), group.getKey(), group.getValue()))));
        table.print(out);
        if (answers) {
            JsonNode checks = options.rag().evalAnswers(Optional.ofNullable(collection), questions.get());
            out.printf(
                    Locale.ROOT,
                    "%nanswers (language model): accuracy %.3f, key-term recall %.3f, citation precision %.3f%n",
                    checks.path("accuracy").asDouble(),
                    checks.path("meanKeyTermRecall").asDouble(),
                    checks.path("meanCitationPrecision").asDouble());
        }
        return 0;
    }

    /** The file's text; empty, with the reason printed, when it cannot be read. */
    private Optional<String> read(Path file) {
        String why;
        if (Files.isDirectory(file)) {
            why = "it is a directory";
        } else if (!Files.exists(file)) {
            why = "no such file";
        } else {
            try {
                return Optional.of(Files.readString(file));
            } catch (AccessDeniedException e) {
                why = "permission denied";
            } catch (MalformedInputException e) {
                why = "it is not UTF-8 text";
            } catch (IOException e) {
                why = e.getMessage();
            }
        }
        spec.commandLine().getErr().println("error: cannot read the evaluation set " + file + ": " + why);
        return Optional.empty();
    }

    private static String[] header() {
        List<String> cells = new ArrayList<>(List.of("MODE", "GROUP"));
        SCORES.forEach(column -> cells.add(column.header()));
        return cells.toArray(String[]::new);
    }

    /** {@code keyword  all  0.450 …}: the mode as {@code --modes} names it, the group, each score. */
    private static String[] row(String mode, String group, JsonNode scores) {
        List<String> cells = new ArrayList<>(List.of(mode.toLowerCase(Locale.ROOT), group));
        SCORES.forEach(column -> cells.add(score(scores.path(column.member()))));
        return cells.toArray(String[]::new);
    }

    private static String score(JsonNode value) {
        return value.isNumber() ? String.format(Locale.ROOT, "%.3f", value.asDouble()) : "-";
    }
}
