package io.ponte.rag.core.ingest;

import io.ponte.rag.core.Passage;
import io.ponte.rag.core.ingest.ParsedDocument.Block;
import io.ponte.rag.core.ingest.ParsedDocument.BlockKind;
import io.ponte.rag.core.ingest.ParsedDocument.Line;
import io.ponte.rag.core.ingest.ParsedDocument.Section;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a parsed document into passages along its headings. A section that fits the budget is one passage; a longer
 * one is cut between blocks (paragraphs, lists, tables, code blocks) and, for a block longer than the budget, between
 * sentences (lines for lists, tables and code), the next passage repeating the last sentence or two of the one
 * before; a single sentence longer than the budget is cut between words. A section shorter than
 * {@link Budget#minWords()} is merged with the next section when that is its sibling (same parent heading) and the
 * two fit the budget; the sibling's heading then stays in the text, and the passage carries the first section's
 * heading path. Passage text is the cleaned text only; the heading path travels separately.
 *
 * <p>Passage ids are {@code file#n}, {@code n} counting passages from 0 in document order, so identical input gives
 * identical ids. Stateless and safe to share between threads.
 */
public final class Splitter {

    /**
     * Passage sizes, in words (runs of non-whitespace).
     *
     * @param maxWords the most words in a passage; 200 words of English fit MiniLM's 256-token window
     * @param minWords a section with fewer words is merged with its next sibling when the two fit
     * @param overlapSentences sentences (lines, for code and lists) repeated when a block is cut
     */
    public record Budget(int maxWords, int minWords, int overlapSentences) {

        public static final Budget DEFAULT = new Budget(200, 20, 1);

        public Budget {
            if (maxWords < 1 || minWords < 0 || minWords > maxWords || overlapSentences < 0) {
                throw new IllegalArgumentException("a budget needs 0 <= minWords <= maxWords, 1 <= maxWords and"
                        + " overlapSentences >= 0, got " + maxWords + "/" + minWords + "/" + overlapSentences);
            }
        }
    }

    private final Budget budget;

    public Splitter() {
        this(Budget.DEFAULT);
    }

    public Splitter(Budget budget) {
        this.budget = budget;
    }

    public Budget budget() {
        return budget;
    }

    /**
     * @param collection the collection the passages are for
     * @param file the file's path relative to the ingested root, as passages cite it
     * @param document what {@link DocumentParser} made of the file
     */
    public List<Passage> split(String collection, String file, ParsedDocument document) {
        List<Passage> passages = new ArrayList<>();
        List<Section> sections = document.sections();
        int k = 0;
        while (k < sections.size()) {
            Section first = sections.get(k);
            k++;
            if (first.blocks().isEmpty()) {
                continue;
            }
            List<Block> blocks = new ArrayList<>(first.blocks());
            int words = first.words();
            while (words < budget.minWords() && k < sections.size() && mergeable(first, sections.get(k))) {
                Section next = sections.get(k);
                int added = Words.count(next.title()) + next.words();
                if (words + added > budget.maxWords()) {
                    break;
                }
                blocks.add(new Block(BlockKind.PARAGRAPH, List.of(new Line(next.headingLine(), next.title()))));
                blocks.addAll(next.blocks());
                words += added;
                k++;
            }
            for (List<Unit> chunk : new Packer(budget).pack(blocks)) {
                passages.add(passage(collection, file, first.headings(), chunk, passages.size()));
            }
        }
        return passages;
    }

    private static boolean mergeable(Section section, Section next) {
        int depth = section.headings().size();
        return depth > 0
                && next.headings().size() == depth
                && section.page() == next.page()
                && next.headingLine() > 0
                && !next.blocks().isEmpty()
                && section.headings()
                        .subList(0, depth - 1)
                        .equals(next.headings().subList(0, depth - 1));
    }

    private static Passage passage(String collection, String file, List<String> headings, List<Unit> chunk, int n) {
        StringBuilder text = new StringBuilder();
        int start = Integer.MAX_VALUE;
        int end = 0;
        Unit previous = null;
        for (Unit unit : chunk) {
            if (previous != null) {
                text.append(previous.block() == unit.block() ? unit.kind().lineSeparator() : "\n\n");
            }
            text.append(unit.text());
            start = Math.min(start, unit.startLine());
            end = Math.max(end, unit.endLine());
            previous = unit;
        }
        return new Passage(file + "#" + n, collection, file, headings, start, end, text.toString());
    }
}
