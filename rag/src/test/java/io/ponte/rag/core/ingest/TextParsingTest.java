package io.ponte.rag.core.ingest;

import static io.ponte.rag.core.ingest.Fixtures.parse;
import static io.ponte.rag.core.ingest.Fixtures.parseText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.ponte.rag.core.ingest.ParsedDocument.Block;
import io.ponte.rag.core.ingest.ParsedDocument.Section;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextParsingTest {

    @Test
    void a_short_first_line_becomes_the_title_and_blank_lines_separate_paragraphs() {
        ParsedDocument doc = parse("notes.txt");

        assertThat(doc.sections()).singleElement().satisfies(section -> {
            assertThat(section.headings()).containsExactly("Release notes");
            assertThat(section.headingLine()).isEqualTo(1);
            assertThat(section.blocks())
                    .extracting(Block::startLine, Block::endLine, Block::text)
                    .containsExactly(
                            tuple(3, 4, "Version 2 adds token exchange. It also drops the legacy proxy mode."),
                            tuple(6, 6, "Upgrade the database first."));
        });
    }

    @Test
    void a_first_line_that_reads_like_a_sentence_is_not_a_title() {
        ParsedDocument doc = parseText("readme.txt", "This file explains how the proxy works.\nRead it.\n");

        assertThat(doc.sections()).extracting(Section::headings).containsExactly(List.of());
    }
}
