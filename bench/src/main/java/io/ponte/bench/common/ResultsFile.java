package io.ponte.bench.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A benchmark's RESULTS.md: a fixed heading, the latest run's summary between two markers (replaced each run), then
 * every run's section, oldest first (appended).
 */
public final class ResultsFile {

    static final String END = "<!-- summary:end -->";

    private ResultsFile() {}

    /**
     * @param program the harness's name, written into the start marker
     * @param heading the file's first line, when the file is new
     */
    public static void update(Path file, String program, String heading, String summary, String runSection)
            throws IOException {
        String start = start(program);
        String text = Files.exists(file) ? Files.readString(file) : heading + "\n\n";
        int from = text.indexOf(start);
        int to = text.indexOf(END);
        String block = start + "\n" + summary + END;
        if (from >= 0 && to > from) {
            text = text.substring(0, from) + block + text.substring(to + END.length());
        } else {
            text = text + "\n" + block + "\n";
        }
        if (!text.endsWith("\n")) {
            text += "\n";
        }
        Files.writeString(file, text + "\n" + runSection);
    }

    static String start(String program) {
        return "<!-- summary:start (written by " + program + "; edits here are replaced) -->";
    }
}
