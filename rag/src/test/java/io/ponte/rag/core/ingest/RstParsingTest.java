package io.ponte.rag.core.ingest;

import static io.ponte.rag.core.ingest.Fixtures.allText;
import static io.ponte.rag.core.ingest.Fixtures.parse;
import static io.ponte.rag.core.ingest.Fixtures.parseText;
import static io.ponte.rag.core.ingest.Fixtures.section;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.ponte.rag.core.ingest.ParsedDocument.Block;
import io.ponte.rag.core.ingest.ParsedDocument.BlockKind;
import io.ponte.rag.core.ingest.ParsedDocument.Section;
import java.util.List;
import org.junit.jupiter.api.Test;

class RstParsingTest {

    @Test
    void adornment_styles_take_levels_in_the_order_they_first_appear() {
        ParsedDocument doc = parse("manual.rst");

        assertThat(doc.sections())
                .extracting(Section::headings, Section::headingLine)
                .containsExactly(
                        tuple(List.of("User Manual"), 2),
                        tuple(List.of("User Manual", "Introduction"), 7),
                        tuple(List.of("User Manual", "Introduction", "Installing"), 16),
                        tuple(List.of("User Manual", "Configuration"), 34));
    }

    @Test
    void roles_and_references_keep_their_text() {
        Section introduction = section(parse("manual.rst"), "User Manual", "Introduction");

        assertThat(introduction.blocks())
                .extracting(Block::startLine, Block::endLine, Block::text)
                .containsExactly(
                        tuple(
                                10,
                                11,
                                "VOMS issues attribute certificates, see the setup guide and the website for voms-proxy-init usage."));
    }

    @Test
    void literal_blocks_and_code_directives_keep_their_code_and_admonitions_their_text() {
        Section installing = section(parse("manual.rst"), "User Manual", "Introduction", "Installing");

        assertThat(installing.blocks())
                .extracting(Block::kind, Block::startLine, Block::text)
                .containsExactly(
                        tuple(BlockKind.PARAGRAPH, 19, "Run the following:"),
                        tuple(BlockKind.CODE, 21, "yum install voms-clients\nvoms-proxy-init --voms atlas"),
                        tuple(BlockKind.CODE, 27, "voms-proxy-info --all"),
                        tuple(BlockKind.PARAGRAPH, 29, "Proxies expire after 12 hours."));
    }

    @Test
    void images_comments_and_tables_of_contents_are_dropped() {
        String text = allText(parse("manual.rst"));

        assertThat(text)
                .doesNotContain("arch.png", "architecture", "comment", "continues", "Table of Contents", "Checking");
    }

    @Test
    void an_underline_under_four_characters_and_shorter_than_its_text_is_text_as_in_docutils() {
        ParsedDocument doc = parseText("short.rst", "Intro\n\nLonger words\n---\n");

        assertThat(doc.sections()).extracting(Section::headings).containsExactly(List.of());
    }

    @Test
    void bullet_lists_lose_their_markers() {
        Section configuration = section(parse("manual.rst"), "User Manual", "Configuration");

        assertThat(configuration.blocks())
                .extracting(Block::kind, Block::text)
                .containsExactly(tuple(BlockKind.LIST, "one item\ntwo items"));
    }

    @Test
    void a_style_seen_first_deeper_down_keeps_its_level() {
        ParsedDocument doc =
                parseText("levels.rst", "Top\n***\n\nA\n~~~\n\ntext a\n\nB\n~~~\n\ntext b\n\nNext\n****\n\nc\n");

        assertThat(doc.sections())
                .extracting(Section::headings)
                .containsExactly(List.of("Top"), List.of("Top", "A"), List.of("Top", "B"), List.of("Next"));
    }
}
