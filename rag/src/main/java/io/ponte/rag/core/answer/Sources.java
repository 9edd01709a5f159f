package io.ponte.rag.core.answer;

import io.ponte.rag.core.Passage;
import io.ponte.rag.core.retrieve.RankedPassage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The retrieved passages numbered 1..n, as the prompt shows them and as citations refer to them. */
final class Sources {

    private static final Pattern MARKER = Pattern.compile("\\[(\\d{1,2})]");
    private static final int SNIPPET_CHARS = 240;

    private final List<Passage> numbered;

    Sources(List<RankedPassage> ranked) {
        numbered = ranked.stream().map(RankedPassage::passage).toList();
    }

    int size() {
        return numbered.size();
    }

    Passage get(int number) {
        return numbered.get(number - 1);
    }

    /** The sources block of the prompt. */
    String prompt() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < numbered.size(); i++) {
            Passage p = numbered.get(i);
            out.append('[').append(i + 1).append("] ").append(p.file());
            if (!p.headings().isEmpty()) {
                out.append(" § ").append(p.headingPath());
            }
            out.append(" (lines ")
                    .append(p.startLine())
                    .append('-')
                    .append(p.endLine())
                    .append(")\n");
            out.append(p.text().strip()).append("\n\n");
        }
        return out.toString();
    }

    /**
     * The citations an answer's markers make, in order of first use. Markers that name no source are dropped
     * from the list (and reported by {@link #invalidMarkers}): a citation always maps back to a retrieved passage.
     */
    List<Citation> citationsIn(String answer) {
        Map<Integer, Citation> used = new LinkedHashMap<>();
        Matcher m = MARKER.matcher(answer);
        while (m.find()) {
            int n = Integer.parseInt(m.group(1));
            if (n >= 1 && n <= numbered.size()) {
                used.computeIfAbsent(n, this::citation);
            }
        }
        return List.copyOf(used.values());
    }

    List<Integer> invalidMarkers(String answer) {
        List<Integer> invalid = new ArrayList<>();
        Matcher m = MARKER.matcher(answer);
        while (m.find()) {
            int n = Integer.parseInt(m.group(1));
            if (n < 1 || n > numbered.size()) {
                invalid.add(n);
            }
        }
        return invalid;
    }

    Citation citation(int number) {
        Passage p = get(number);
        String text = p.text().strip().replaceAll("\\s+", " ");
        String snippet = text.length() <= SNIPPET_CHARS ? text : text.substring(0, SNIPPET_CHARS) + "…";
        return new Citation(number, p.file(), p.headingPath(), p.startLine(), p.endLine(), snippet);
    }
}
