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

class HtmlParsingTest {

    @Test
    void headings_nest_and_carry_the_line_they_are_on() {
        ParsedDocument doc = parse("page.html");

        assertThat(doc.format()).isEqualTo(DocumentFormat.HTML);
        assertThat(doc.sections())
                .extracting(Section::headings, Section::headingLine)
                .containsExactly(
                        tuple(List.of("Cluster handbook"), 10), tuple(List.of("Cluster handbook", "Submitting"), 13));
    }

    @Test
    void page_chrome_scripts_and_styles_are_dropped() {
        String text = allText(parse("page.html"));

        assertThat(text).doesNotContain("Home", "Docs", "Jump", "Copyright", "tracking", "color");
    }

    @Test
    void text_keeps_the_source_lines_it_was_found_on() {
        ParsedDocument doc = parse("page.html");

        assertThat(section(doc, "Cluster handbook").blocks())
                .extracting(Block::kind, Block::startLine, Block::endLine, Block::text)
                .containsExactly(tuple(BlockKind.PARAGRAPH, 11, 12, "Jobs run on the batch partition."));
        assertThat(section(doc, "Cluster handbook", "Submitting").blocks())
                .extracting(Block::kind, Block::startLine, Block::endLine, Block::text)
                .containsExactly(
                        tuple(BlockKind.LIST, 15, 16, "Write a script\nCall sbatch job.sh"),
                        tuple(BlockKind.CODE, 18, 19, "#!/bin/bash\nsrun hostname"),
                        tuple(BlockKind.TABLE, 22, 23, "Queue | Limit\nshort | 1 h"));
    }

    @Test
    void the_title_element_heads_a_page_without_h1() {
        ParsedDocument doc = parseText(
                "plain.htm",
                "<html><head><title>Runbook</title></head>\n<body><h2>Restart</h2><p>Drain first.</p></body></html>");

        assertThat(doc.sections()).extracting(Section::headings).containsExactly(List.of("Runbook", "Restart"));
    }

    @Test
    void a_header_inside_an_article_is_content() {
        ParsedDocument doc = parseText(
                "post.html",
                "<body><article><header><h1>Release 2.0</h1></header><p>New scheduler.</p></article></body>");

        assertThat(doc.sections()).extracting(Section::headings).containsExactly(List.of("Release 2.0"));
    }
}
