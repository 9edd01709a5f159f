package io.ponte.offload.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scheduler flags ({@code sbatch} options) merged by precedence: each {@link #apply} overrides
 * options set by earlier ones. Short options are folded into their long names so that {@code -t 60}
 * and {@code --time=60} are the same option.
 */
final class SchedulerFlags {
    private static final Map<Character, String> SHORT = Map.ofEntries(
            Map.entry('A', "account"),
            Map.entry('c', "cpus-per-task"),
            Map.entry('C', "constraint"),
            Map.entry('D', "chdir"),
            Map.entry('e', "error"),
            Map.entry('G', "gpus"),
            Map.entry('J', "job-name"),
            Map.entry('N', "nodes"),
            Map.entry('n', "ntasks"),
            Map.entry('o', "output"),
            Map.entry('p', "partition"),
            Map.entry('q', "qos"),
            Map.entry('t', "time"),
            Map.entry('w', "nodelist"),
            Map.entry('x', "exclude"));

    private final Map<String, String> options = new LinkedHashMap<>();

    /** Applies flags given as words, e.g. {@code ["--job-name=x", "-t", "2800", "--exclusive"]}. */
    SchedulerFlags apply(String source, List<String> words) {
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            String next = i + 1 < words.size() ? words.get(i + 1) : null;
            boolean nextIsValue = next != null && !next.startsWith("-");
            if (word.startsWith("--")) {
                int eq = word.indexOf('=');
                if (eq > 2) {
                    set(source, word.substring(2, eq), word.substring(eq + 1));
                } else if (nextIsValue) {
                    set(source, word.substring(2), next);
                    i++;
                } else {
                    set(source, word.substring(2), null);
                }
            } else if (word.length() >= 2 && word.charAt(0) == '-' && SHORT.containsKey(word.charAt(1))) {
                String name = SHORT.get(word.charAt(1));
                if (word.length() > 2) {
                    set(source, name, word.substring(2).replaceFirst("^=", ""));
                } else if (nextIsValue) {
                    set(source, name, next);
                    i++;
                } else {
                    throw new PodRejectedException(source + ": option " + word + " needs a value");
                }
            } else {
                throw new PodRejectedException(source + ": '" + word
                        + "' is not an sbatch option (expected --name=value, --name or a known short option)");
            }
        }
        return this;
    }

    /** Sets one option. */
    SchedulerFlags set(String source, String name, String value) {
        if (!name.matches("[a-z][a-z0-9-]*")) {
            throw new PodRejectedException(source + ": '" + name + "' is not an sbatch option name");
        }
        if (value != null && (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0)) {
            throw new PodRejectedException(source + ": the value of --" + name + " must not contain a line break");
        }
        options.remove(name);
        options.put(name, value);
        return this;
    }

    String get(String name) {
        return options.get(name);
    }

    /** The merged flags as {@code --name=value} or {@code --name} words. */
    List<String> words() {
        List<String> out = new ArrayList<>();
        options.forEach((k, v) -> out.add(v == null ? "--" + k : "--" + k + "=" + v));
        return out;
    }
}
