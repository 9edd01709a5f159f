package io.ponte.rag.core.ingest;

import static io.ponte.rag.core.ingest.Fixtures.allText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ponte.rag.core.ingest.ParsedDocument.Section;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentParserTest {

    private final DocumentParser parser = new DocumentParser();

    @Test
    void an_unsupported_extension_is_refused_naming_the_file_and_what_is_supported() {
        assertThatThrownBy(() -> parser.parse("slides/deck.pptx", new byte[] {1, 2}))
                .isInstanceOf(UnsupportedDocumentException.class)
                .hasMessageContaining("slides/deck.pptx")
                .hasMessageContaining("md, markdown, mdx, rst, txt, html, htm, pdf");
        assertThatThrownBy(() -> parser.parse("Makefile", new byte[0]))
                .isInstanceOf(UnsupportedDocumentException.class);
    }

    @Test
    void extensions_are_matched_whatever_their_case() {
        assertThat(DocumentParser.supports("README.MD")).isTrue();
        assertThat(DocumentParser.supports("docs/index.Html")).isTrue();
        assertThat(DocumentParser.supports("docs/.md")).isFalse();
        assertThat(DocumentFormat.of("notes.markdown")).contains(DocumentFormat.MARKDOWN);
    }

    @Test
    void binary_content_in_a_text_format_is_refused_as_corrupt() {
        byte[] binary = {'#', ' ', 'T', 0, 0, 1};

        assertThatThrownBy(() -> parser.parse("docs/fake.md", binary))
                .isInstanceOf(CorruptDocumentException.class)
                .hasMessage("docs/fake.md: cannot read, binary content (a NUL byte at offset 3)");
    }

    @Test
    void invalid_utf8_is_read_leniently() {
        byte[] latin1 = "# Caf\u00e9\n\nServizi per l'universit\u00e0.\n".getBytes(StandardCharsets.ISO_8859_1);

        ParsedDocument doc = parser.parse("docs/cafe.md", latin1);

        assertThat(doc.sections()).extracting(Section::headings).containsExactly(List.of("Caf\uFFFD"));
        assertThat(allText(doc)).isEqualTo("Servizi per l'universit\uFFFD.");
    }

    @Test
    void a_byte_order_mark_and_windows_line_ends_change_nothing() {
        String unix = "# Title\n\nFirst line\nsecond line.\n";
        byte[] windows = ("\uFEFF" + unix.replace("\n", "\r\n")).getBytes(StandardCharsets.UTF_8);

        assertThat(parser.parse("a.md", windows))
                .isEqualTo(parser.parse("a.md", unix.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void the_same_bytes_give_the_same_hash_and_any_change_another() {
        assertThat(ContentHash.of("abc".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(ContentHash.of(new byte[0]))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(ContentHash.of("abd".getBytes(StandardCharsets.US_ASCII)))
                .isNotEqualTo(ContentHash.of("abc".getBytes(StandardCharsets.US_ASCII)));
    }
}
