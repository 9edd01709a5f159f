package io.ponte.bench.common;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Where a benchmark program records its run (a picocli mixin): the label of its report heading, the RESULTS.md it
 * appends to, the raw JSON it writes, and the git work tree whose commit it reports.
 */
public final class Recording {

    @Option(names = "--label", defaultValue = "", description = "Free text put in the report heading.")
    String label;

    @Option(names = "--results-md", description = "Append the run to this markdown file and refresh its summary.")
    Path resultsMd;

    @Option(names = "--results-json", description = "Write the raw results as JSON to this file.")
    Path resultsJson;

    @Option(names = "--repo", defaultValue = ".", description = "Git work tree whose commit is reported.")
    Path repo;

    public String label() {
        return label;
    }

    public Path repo() {
        return repo;
    }

    /**
     * Writes the raw JSON (when asked), prints the run's section with a link to it, and appends that section to
     * RESULTS.md (when asked) with the summary at its top replaced.
     *
     * @param program the harness's name, in the summary's marker
     * @param heading the first line of a new RESULTS.md
     */
    public void write(String program, String heading, String runSection, String summary, JsonObject raw)
            throws IOException {
        String md = runSection;
        if (resultsJson != null) {
            Path base = resultsMd != null
                    ? resultsMd.toAbsolutePath().getParent()
                    : Path.of("").toAbsolutePath();
            md += "Raw results: `" + base.relativize(resultsJson.toAbsolutePath()) + "`\n";
            Files.writeString(resultsJson, raw.encodePrettily() + "\n");
        }
        System.out.println(md);
        if (resultsMd != null) {
            ResultsFile.update(resultsMd, program, heading, summary, md);
        }
    }
}
