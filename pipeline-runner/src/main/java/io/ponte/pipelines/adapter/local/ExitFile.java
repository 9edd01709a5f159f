package io.ponte.pipelines.adapter.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The launch wrapper: {@code sh -c SCRIPT ponte-task EXITFILE COMMAND...} runs the command and
 * then writes its exit status, a number and a newline in one write, to EXITFILE. The runner reads
 * it whether or not it started the process itself (the exit status of a process that is not our
 * child cannot be observed otherwise). The file lives in the attempt's work directory.
 */
record ExitFile(Path path) {
    static final String NAME = ".ponte-exit-code";
    private static final String SCRIPT = "f=$1; shift; \"$@\"; rc=$?; printf '%s\\n' \"$rc\" > \"$f\"; exit \"$rc\"";
    private static final Pattern COMPLETE = Pattern.compile("-?\\d+\n");

    static ExitFile in(Path workDir) {
        return new ExitFile(workDir.resolve(NAME));
    }

    /** The wrapper's argument vector around {@code argv}. */
    List<String> wrap(String shell, List<String> argv) {
        return java.util.stream.Stream.concat(
                        java.util.stream.Stream.of(shell, "-c", SCRIPT, "ponte-task", path.toString()), argv.stream())
                .toList();
    }

    /** The recorded exit status, when the wrapper has written it completely. */
    Optional<Integer> read() {
        try {
            String text = Files.readString(path);
            return COMPLETE.matcher(text).matches() ? Optional.of(Integer.parseInt(text.trim())) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    void clear() throws IOException {
        Files.deleteIfExists(path);
    }
}
