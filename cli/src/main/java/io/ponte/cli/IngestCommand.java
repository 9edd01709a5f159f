package io.ponte.cli;

import static io.ponte.cli.http.Fields.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "ingest",
        mixinStandardHelpOptions = true,
        description = {
            "Ingests a directory of documentation into a rag collection.",
            "Has the rag service read DIR (a directory or one file, as the machine the service runs on sees it), "
                    + "split it into passages and embed what is new or changed since the last ingest; files that "
                    + "are gone leave the collection. Waits up to 10 minutes."
        })
final class IngestCommand implements Callable<Integer> {
    @Mixin
    RagOptions options;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "What to ingest; relative to the current directory.")
    Path dir;

    @Option(
            names = "--collection",
            paramLabel = "C",
            description = "The collection to ingest into (default: the service's default collection).")
    String collection;

    @Override
    public Integer call() {
        ObjectNode report = options.rag()
                .ingest(Optional.ofNullable(collection), dir.toAbsolutePath().normalize());
        if (options.json()) {
            JsonOutput.print(spec, report);
            return 0;
        }
        PrintWriter out = spec.commandLine().getOut();
        JsonNode failed = report.path("failed");
        out.println(String.format(
                Locale.ROOT,
                "Ingested %s into collection %s in %s: %s files seen, %s added, %s updated, %s unchanged, "
                        + "%s removed, %d failed; %s passages embedded.",
                text(report, "root", dir.toString()),
                text(report, "collection", "-"),
                seconds(report),
                text(report, "files", "?"),
                text(report, "added", "?"),
                text(report, "updated", "?"),
                text(report, "unchanged", "?"),
                text(report, "removed", "?"),
                failed.size(),
                text(report, "passagesEmbedded", "?")));
        if (!failed.isEmpty()) {
            out.println("Failed (their earlier passages are kept):");
            failed.forEach(f -> out.println("  " + text(f, "file", "?") + ": " + text(f, "reason", "?")));
        }
        return 0;
    }

    private static String seconds(ObjectNode report) {
        JsonNode millis = report.path("millis");
        return millis.isNumber() ? String.format(Locale.ROOT, "%.1f s", millis.asLong() / 1000.0) : "?";
    }
}
