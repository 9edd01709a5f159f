package io.ponte.bench.pipelines;

import java.time.Instant;
import java.util.Locale;

/**
 * The lines the resume runner prints on stdout, one event each: {@code EVENT <epoch µs> <name> [words…]}. Both JVMs
 * read the same wall clock, so the harness can subtract its own start time from these.
 */
final class Timeline {

    static final String PREFIX = "EVENT ";

    private Timeline() {}

    static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
    }

    static synchronized void emit(String name, String... words) {
        StringBuilder line =
                new StringBuilder(PREFIX).append(nowMicros()).append(' ').append(name);
        for (String w : words) {
            line.append(' ').append(w);
        }
        System.out.println(line);
        System.out.flush();
    }

    /** One parsed line. */
    record Event(long micros, String name, String[] words) {

        static Event parse(String line) {
            if (!line.startsWith(PREFIX)) {
                return null;
            }
            String[] parts = line.substring(PREFIX.length()).split(" ");
            if (parts.length < 2) {
                return null;
            }
            String[] words = new String[parts.length - 2];
            System.arraycopy(parts, 2, words, 0, words.length);
            return new Event(Long.parseLong(parts[0]), parts[1], words);
        }

        String word(int i) {
            return i < words.length ? words[i] : "";
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d %s %s", micros, name, String.join(" ", words));
        }
    }
}
