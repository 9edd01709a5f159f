package io.ponte.rag.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.ponte.rag.core.Passage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Parses and splits every file of the shared documentation corpus ({@code <ponte.shared.dir>/corpus/infn-docs}), when
 * it is there: Docusaurus MDX, Hugo, GitBook and README Markdown, licence texts.
 */
class CorpusIngestTest {

    private static final Path CORPUS =
            Path.of(System.getProperty("ponte.shared.dir", "../../shared"), "corpus", "infn-docs");

    @Test
    void every_corpus_file_becomes_passages_within_budget_and_within_its_lines() throws IOException {
        assumeThat(Files.isDirectory(CORPUS))
                .as("corpus at %s", CORPUS.toAbsolutePath())
                .isTrue();
        SourceWalker.Listing listing = new SourceWalker().walk(CORPUS);
        DocumentParser parser = new DocumentParser();
        Splitter splitter = new Splitter();
        int limit = splitter.budget().maxWords() * 3 / 2;
        List<byte[]> contents = new ArrayList<>();
        for (String file : listing.files()) {
            contents.add(Files.readAllBytes(CORPUS.resolve(file)));
        }

        long started = System.nanoTime();
        List<List<Passage>> results = new ArrayList<>();
        for (int k = 0; k < contents.size(); k++) {
            String file = listing.files().get(k);
            results.add(splitter.split("infn-docs", file, parser.parse(file, contents.get(k))));
        }
        long millis = (System.nanoTime() - started) / 1_000_000;

        SoftAssertions softly = new SoftAssertions();
        long words = 0;
        int passages = 0;
        int largest = 0;
        for (int k = 0; k < contents.size(); k++) {
            String file = listing.files().get(k);
            int lines = DocumentParser.lines(file, contents.get(k)).size();
            for (Passage passage : results.get(k)) {
                int count = Words.count(passage.text());
                softly.assertThat(passage.text()).as(passage.id()).isNotBlank();
                softly.assertThat(count).as("words of %s", passage.id()).isLessThanOrEqualTo(limit);
                softly.assertThat(passage.startLine())
                        .as("start of %s", passage.id())
                        .isBetween(1, passage.endLine());
                softly.assertThat(passage.endLine())
                        .as("end of %s", passage.id())
                        .isLessThanOrEqualTo(lines);
                words += count;
                passages++;
                largest = Math.max(largest, count);
            }
        }
        softly.assertAll();
        assertThat(listing.files()).hasSizeGreaterThan(200);
        assertThat(listing.skipped()).isEmpty();
        System.out.printf(
                "corpus %s: %d files, %d passages, %.1f words per passage on average, %d at most, %d ms%n",
                CORPUS.getFileName(), listing.files().size(), passages, (double) words / passages, largest, millis);
    }
}
