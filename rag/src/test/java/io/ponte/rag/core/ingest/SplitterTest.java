package io.ponte.rag.core.ingest;

import static io.ponte.rag.core.ingest.Fixtures.parse;
import static io.ponte.rag.core.ingest.Fixtures.parseText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.ponte.rag.core.Passage;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SplitterTest {

    private static List<Passage> split(Splitter splitter, String file, String markdown) {
        return splitter.split("docs", file, parseText(file, markdown));
    }

    private static int words(Passage passage) {
        return passage.text().split("\\s+").length;
    }

    /** {@code count} sentences of five words, one per line: "Sentence one has five words." */
    private static String sentences(int count) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(n -> "Sentence " + n + " has five words.")
                .collect(Collectors.joining("\n"));
    }

    @Test
    void a_section_within_budget_is_one_passage_with_its_heading_path_and_exact_lines() {
        List<Passage> passages = new Splitter().split("docs", "storage/guide.md", parse("guide.md"));

        assertThat(passages)
                .extracting(
                        Passage::id,
                        Passage::collection,
                        Passage::file,
                        Passage::headings,
                        Passage::startLine,
                        Passage::endLine)
                .containsExactly(
                        tuple("storage/guide.md#0", "docs", "storage/guide.md", List.of(), 10, 11),
                        tuple("storage/guide.md#1", "docs", "storage/guide.md", List.of("Installation"), 17, 22),
                        tuple(
                                "storage/guide.md#2",
                                "docs",
                                "storage/guide.md",
                                List.of("Installation", "Requirements"),
                                28,
                                39));
        assertThat(passages.get(1).text())
                .isEqualTo(
                        "Install the package:\n\n# this comment is not a heading\npip install storage-client\n## neither is this");
    }

    @Test
    void a_tiny_section_is_merged_with_its_next_sibling_whose_heading_stays_in_the_text() {
        List<Passage> passages = split(
                new Splitter(),
                "merge.md",
                "# Guide\n\n## Install\n\nRun the installer.\n\n## Configure\n\nEdit the file, then restart.\n");

        assertThat(passages).singleElement().satisfies(passage -> {
            assertThat(passage.headings()).containsExactly("Guide", "Install");
            assertThat(passage.text()).isEqualTo("Run the installer.\n\nConfigure\n\nEdit the file, then restart.");
            assertThat(passage.startLine()).isEqualTo(5);
            assertThat(passage.endLine()).isEqualTo(9);
        });
    }

    @Test
    void a_tiny_section_is_not_merged_into_its_child_nor_past_the_budget() {
        assertThat(split(new Splitter(), "child.md", "## A\n\nTiny.\n\n### A1\n\nChild text.\n"))
                .extracting(Passage::headings, Passage::text)
                .containsExactly(tuple(List.of("A"), "Tiny."), tuple(List.of("A", "A1"), "Child text."));

        Splitter small = new Splitter(new Splitter.Budget(10, 5, 1));
        assertThat(split(
                        small,
                        "budget.md",
                        "## A\n\nTiny one.\n\n## B\n\nNine words that fill almost all of the budget.\n"))
                .extracting(Passage::headings)
                .containsExactly(List.of("A"), List.of("B"));
    }

    @Test
    void a_long_section_is_cut_between_paragraphs_without_overlap() {
        String paragraphs = "## Notes\n\nFirst paragraph has exactly eight words in it.\n\n"
                + "Second paragraph has exactly eight words in it.\n\nThird paragraph has exactly eight words in it.\n";

        List<Passage> passages = split(new Splitter(new Splitter.Budget(20, 0, 1)), "notes.md", paragraphs);

        assertThat(passages)
                .extracting(Passage::startLine, Passage::endLine, Passage::text)
                .containsExactly(
                        tuple(
                                3,
                                5,
                                "First paragraph has exactly eight words in it.\n\n"
                                        + "Second paragraph has exactly eight words in it."),
                        tuple(7, 7, "Third paragraph has exactly eight words in it."));
    }

    @Test
    void a_paragraph_over_budget_is_cut_between_sentences_repeating_the_last_one() {
        List<Passage> passages = split(new Splitter(new Splitter.Budget(24, 0, 1)), "long.md", sentences(8));

        assertThat(passages)
                .extracting(Passage::startLine, Passage::endLine)
                .containsExactly(tuple(1, 4), tuple(4, 7), tuple(7, 8));
        assertThat(passages.get(1).text())
                .isEqualTo("Sentence 4 has five words. Sentence 5 has five words. Sentence 6 has five words."
                        + " Sentence 7 has five words.");
        assertThat(passages).allSatisfy(passage -> assertThat(words(passage)).isLessThanOrEqualTo(24));
    }

    @Test
    void no_sentence_is_repeated_when_overlap_is_off() {
        List<Passage> passages = split(new Splitter(new Splitter.Budget(24, 0, 0)), "long.md", sentences(8));

        assertThat(passages).extracting(Passage::startLine, Passage::endLine).containsExactly(tuple(1, 4), tuple(5, 8));
    }

    @Test
    void code_over_budget_is_cut_between_lines() {
        String code = IntStream.rangeClosed(1, 30).mapToObj(n -> "echo " + n).collect(Collectors.joining("\n"));

        List<Passage> passages =
                split(new Splitter(new Splitter.Budget(20, 0, 0)), "run.md", "```sh\n" + code + "\n```\n");

        assertThat(passages)
                .extracting(Passage::startLine, Passage::endLine)
                .containsExactly(tuple(2, 11), tuple(12, 21), tuple(22, 31));
        assertThat(passages.getFirst().text()).startsWith("echo 1\necho 2\n").endsWith("echo 10");
    }

    @Test
    void a_sentence_over_budget_is_cut_between_words() {
        String sentence = IntStream.rangeClosed(1, 50).mapToObj(n -> "w" + n).collect(Collectors.joining(" "));

        List<Passage> passages = split(new Splitter(new Splitter.Budget(20, 0, 1)), "words.md", sentence + "\n");

        assertThat(passages).extracting(SplitterTest::words).containsExactly(17, 17, 16);
        assertThat(String.join(" ", passages.stream().map(Passage::text).toList()))
                .isEqualTo(sentence);
    }

    @Test
    void sentences_do_not_end_at_abbreviations_or_before_lower_case() {
        String text = "Use a tool, e.g. Docker. It works, i.e. mostly. see v2. Done!";

        assertThat(Segmenter.sentences(text).stream().map(span -> text.substring(span[0], span[1])))
                .containsExactly("Use a tool, e.g. Docker.", "It works, i.e. mostly. see v2.", "Done!");
    }

    @Test
    void identical_input_gives_identical_passages_and_ids_counting_from_zero() {
        Splitter splitter = new Splitter(new Splitter.Budget(24, 0, 1));

        List<Passage> first = split(splitter, "a/b.md", sentences(8));
        List<Passage> second = split(splitter, "a/b.md", sentences(8));

        assertThat(first).isEqualTo(second);
        assertThat(first).extracting(Passage::id).containsExactly("a/b.md#0", "a/b.md#1", "a/b.md#2");
    }

    @Test
    void a_budget_must_make_sense() {
        assertThatThrownBy(() -> new Splitter.Budget(0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Splitter.Budget(10, 20, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Splitter.Budget(10, 2, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
