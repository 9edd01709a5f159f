package io.ponte.rag.core.ingest;

import static io.ponte.rag.core.ingest.Fixtures.allText;
import static io.ponte.rag.core.ingest.Fixtures.parse;
import static io.ponte.rag.core.ingest.Fixtures.parseText;
import static io.ponte.rag.core.ingest.Fixtures.section;
import static io.ponte.rag.core.ingest.Fixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.ponte.rag.core.ingest.ParsedDocument.Block;
import io.ponte.rag.core.ingest.ParsedDocument.BlockKind;
import io.ponte.rag.core.ingest.ParsedDocument.Line;
import io.ponte.rag.core.ingest.ParsedDocument.Section;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownParsingTest {

    @Test
    void setext_underlines_and_atx_hashes_make_the_heading_tree() {
        ParsedDocument doc = parse("guide.md");

        assertThat(doc.format()).isEqualTo(DocumentFormat.MARKDOWN);
        assertThat(doc.sections())
                .extracting(Section::headings, Section::headingLine)
                .containsExactly(
                        tuple(List.of(), 0),
                        tuple(List.of("Installation"), 14),
                        tuple(List.of("Installation", "Requirements"), 25),
                        tuple(List.of("Installation", "Configuration"), 35));
    }

    @Test
    void front_matter_badges_comments_and_images_leave_only_the_prose() {
        Section preamble = section(parse("guide.md"));

        assertThat(preamble.blocks()).singleElement().satisfies(block -> {
            assertThat(block.text())
                    .isEqualTo("The service stores objects in buckets and serves them over HTTPS."
                            + " See the configuration reference for details.");
            assertThat(block.startLine()).isEqualTo(10);
            assertThat(block.endLine()).isEqualTo(11);
        });
    }

    @Test
    void hash_lines_inside_a_code_fence_stay_code_and_are_not_headings() {
        Section installation = section(parse("guide.md"), "Installation");

        Block code = installation.blocks().get(1);
        assertThat(code.kind()).isEqualTo(BlockKind.CODE);
        assertThat(code.lines())
                .containsExactly(
                        new Line(20, "# this comment is not a heading"),
                        new Line(21, "pip install storage-client"),
                        new Line(22, "## neither is this"));
    }

    @Test
    void table_rows_keep_their_cell_text_and_lose_the_delimiter_row() {
        Section requirements = section(parse("guide.md"), "Installation", "Requirements");

        assertThat(requirements.blocks()).singleElement().satisfies(table -> {
            assertThat(table.kind()).isEqualTo(BlockKind.TABLE);
            assertThat(table.lines()).containsExactly(new Line(28, "Name | Minimum"), new Line(30, "RAM | 4 GB"));
        });
    }

    @Test
    void a_link_wrapped_over_two_lines_keeps_its_text_and_every_line_its_number() {
        Section configuration = section(parse("guide.md"), "Installation", "Configuration");

        assertThat(configuration.blocks()).singleElement().satisfies(block -> {
            assertThat(block.text()).isEqualTo("Set STORAGE_URL before starting the daemon.");
            assertThat(block.startLine()).isEqualTo(37);
            assertThat(block.endLine()).isEqualTo(39);
        });
    }

    @Test
    void navigation_lines_tables_of_contents_and_link_definitions_are_dropped() {
        String text = allText(parse("guide.md"));

        assertThat(text).doesNotContain("Previous", "Next", "#installation", "example.org", "img/arch.png");
        assertThat(text).doesNotContain("Build", "License", "spans two lines");
    }

    @Test
    void a_front_matter_title_heads_a_document_without_a_level_one_heading() {
        ParsedDocument doc = parseText(
                "quick.md", "---\ntitle: \"Quick start\"\ntags: [a]\n---\nIntro text.\n\n## Step one\n\nDo it.\n");

        assertThat(doc.sections())
                .extracting(Section::headings, Section::headingLine)
                .containsExactly(tuple(List.of("Quick start"), 2), tuple(List.of("Quick start", "Step one"), 7));
        assertThat(section(doc, "Quick start").blocks().getFirst().startLine()).isEqualTo(5);
    }

    @Test
    void a_front_matter_title_gives_way_to_a_level_one_heading() {
        assertThat(parse("guide.md").sections())
                .allSatisfy(section -> assertThat(section.headings()).doesNotContain("Storage Guide"));
    }

    @Test
    void mdx_imports_exports_and_jsx_go_while_the_text_inside_components_stays() {
        ParsedDocument doc = parse("component.mdx");

        assertThat(doc.format()).isEqualTo(DocumentFormat.MDX);
        assertThat(doc.sections())
                .extracting(Section::headings, Section::headingLine)
                .containsExactly(
                        tuple(List.of("Deploy the plugin"), 14), tuple(List.of("Deploy the plugin", "Check it"), 40));
        Section deploy = section(doc, "Deploy the plugin");
        assertThat(deploy.blocks())
                .extracting(Block::kind, Block::startLine, Block::text)
                .containsExactly(
                        tuple(BlockKind.PARAGRAPH, 25, "Early days"),
                        tuple(BlockKind.PARAGRAPH, 26, "The API may change without notice."),
                        tuple(BlockKind.PARAGRAPH, 31, "Submit jobs with sbatch on the login node."),
                        tuple(
                                BlockKind.CODE,
                                34,
                                "# keys of the plugin configuration\nSbatchPath: \"/usr/bin/sbatch\""));
        assertThat(allText(doc))
                .doesNotContain("import", "export", "owner", "ThemedImage", "useBaseUrl", "editors", "Tabs", "TabItem");
    }

    @Test
    void angle_bracket_placeholders_are_prose_not_tags() {
        Section check = section(parse("component.mdx"), "Deploy the plugin", "Check it");

        assertThat(text(check)).isEqualTo("Run kubectl get nodes and replace <namespace> with yours.");
    }

    @Test
    void hugo_shortcodes_go_and_their_inner_text_stays() {
        ParsedDocument doc = parse("hugo.md");

        Section top = section(doc, "Token exchange");
        assertThat(top.blocks())
                .extracting(Block::startLine, Block::text)
                .containsExactly(
                        tuple(6, "Token exchange is disabled by default."), tuple(9, "Read the policy API first."));
        assertThat(text(section(doc, "Token exchange", "Enabling it"))).isEqualTo("Set the flag for IAM and restart.");
    }

    @Test
    void emphasis_code_spans_and_escapes_are_reduced_to_their_text() {
        ParsedDocument doc = parseText(
                "inline.md",
                "Use **`--force`** only with *care*: it removes `__pycache__` and snake_case_names \\*literally\\*.\n");

        assertThat(allText(doc))
                .isEqualTo("Use --force only with care: it removes __pycache__ and snake_case_names *literally*.");
    }

    @Test
    void list_items_keep_their_order_numbers_and_wrapped_lines() {
        ParsedDocument doc = parseText("list.md", "Steps:\n\n1. Install\n   the client\n2. Log in\n- [x] done\n");

        assertThat(section(doc).blocks())
                .extracting(Block::kind, Block::text)
                .containsExactly(
                        tuple(BlockKind.PARAGRAPH, "Steps:"),
                        tuple(BlockKind.LIST, "1. Install\nthe client\n2. Log in\ndone"));
    }

    @Test
    void an_unclosed_fence_ends_with_the_list_item_that_holds_it() {
        ParsedDocument doc = parseText("fence.md", "- Run:\n\n  ```bash\n  make\n\nAfter the list.\n");

        assertThat(section(doc).blocks())
                .extracting(Block::kind, Block::text)
                .containsExactly(
                        tuple(BlockKind.LIST, "Run:"),
                        tuple(BlockKind.CODE, "make"),
                        tuple(BlockKind.PARAGRAPH, "After the list."));
    }
}
