package io.ponte.offload.core.script;

import java.util.List;
import java.util.stream.Collectors;

/**
 * POSIX shell quoting. Every word the bridge writes into a job script goes through here, so that
 * arguments and environment values reach the container byte for byte: quotes, backslashes,
 * backticks, {@code $}, newlines, unicode and empty strings included.
 */
public final class Shell {
    private Shell() {}

    /** One word, single-quoted; a single quote inside becomes {@code '\''}. */
    public static String quote(String word) {
        if (word.isEmpty()) {
            return "''";
        }
        if (word.chars().allMatch(Shell::isSafe)) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /** Words quoted one by one and joined with single spaces. */
    public static String join(List<String> words) {
        return words.stream().map(Shell::quote).collect(Collectors.joining(" "));
    }

    private static boolean isSafe(int c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '_'
                || c == '-'
                || c == '.'
                || c == '/'
                || c == ':'
                || c == '='
                || c == '@'
                || c == '%'
                || c == '+'
                || c == ',';
    }
}
