package io.ponte.bench.registry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * RESULTS.md: a fixed heading, the latest run's summary between two markers (replaced each run), then every run's
 * section, oldest first (appended).
 */
final class ResultsFile {

    static final String START = "<!-- summary:start (written by RegistryBench; edits here are replaced) -->";
    static final String END = "<!-- summary:end -->";

    private ResultsFile() {}

    static void update(Path file, String summary, String runSection) throws IOException {
        String text = Files.exists(file) ? Files.readString(file) : "# Model-registry benchmark results\n\n";
        int start = text.indexOf(START);
        int end = text.indexOf(END);
        String block = START + "\n" + summary + END;
        if (start >= 0 && end > start) {
            text = text.substring(0, start) + block + text.substring(end + END.length());
        } else {
            text = text + "\n" + block + "\n";
        }
        if (!text.endsWith("\n")) {
            text += "\n";
        }
        Files.writeString(file, text + "\n" + runSection);
    }
}
