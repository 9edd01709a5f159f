package io.ponte.rag.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.ponte.rag.core.Passage;
import io.ponte.rag.core.ingest.ParsedDocument.Block;
import io.ponte.rag.core.ingest.ParsedDocument.Section;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;

class PdfParsingTest {

    private final DocumentParser parser = new DocumentParser();

    @Test
    void every_page_is_a_section_headed_by_its_number_with_page_relative_lines() throws IOException {
        byte[] pdf = pdf(
                null,
                List.of("Quota policy", "Each user gets 100 GB of scratch space."),
                List.of("Requests above the quota need approval."));

        ParsedDocument doc = parser.parse("docs/quota.pdf", pdf);

        assertThat(doc.format()).isEqualTo(DocumentFormat.PDF);
        assertThat(doc.sections())
                .extracting(Section::headings, Section::page)
                .containsExactly(tuple(List.of("Page 1"), 1), tuple(List.of("Page 2"), 2));
        assertThat(doc.sections().get(0).blocks())
                .extracting(Block::startLine, Block::endLine, Block::text)
                .containsExactly(tuple(1, 2, "Quota policy Each user gets 100 GB of scratch space."));
        assertThat(doc.sections().get(1).blocks())
                .extracting(Block::startLine, Block::text)
                .containsExactly(tuple(1, "Requests above the quota need approval."));
    }

    @Test
    void small_pages_are_never_merged_into_one_passage() throws IOException {
        byte[] pdf = pdf("Storage handbook", List.of("Short page."), List.of("Another short page."));

        List<Passage> passages = new Splitter().split("docs", "quota.pdf", parser.parse("quota.pdf", pdf));

        assertThat(passages)
                .extracting(Passage::headings, Passage::startLine, Passage::endLine, Passage::text)
                .containsExactly(
                        tuple(List.of("Storage handbook", "Page 1"), 1, 1, "Short page."),
                        tuple(List.of("Storage handbook", "Page 2"), 1, 1, "Another short page."));
    }

    @Test
    void bytes_that_are_not_a_pdf_are_refused_as_corrupt() {
        byte[] garbage = "%PDF-1.7\nthis is not really a PDF".getBytes(StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> parser.parse("docs/broken.pdf", garbage))
                .isInstanceOf(CorruptDocumentException.class)
                .hasMessageStartingWith("docs/broken.pdf: cannot read, ")
                .satisfies(e -> assertThat(((IngestException) e).file()).isEqualTo("docs/broken.pdf"))
                .satisfies(e -> assertThat(((IngestException) e).retriable()).isFalse());
    }

    /** A PDF with one page per list of lines, written with pdfbox. */
    @SafeVarargs
    private static byte[] pdf(String title, List<String>... pages) throws IOException {
        try (PDDocument document = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            if (title != null) {
                document.getDocumentInformation().setTitle(title);
            }
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (List<String> lines : pages) {
                PDPage page = new PDPage();
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.beginText();
                    content.setFont(font, 12);
                    content.setLeading(16);
                    content.newLineAtOffset(72, 720);
                    for (String line : lines) {
                        content.showText(line);
                        content.newLine();
                    }
                    content.endText();
                }
            }
            document.save(out);
            return out.toByteArray();
        }
    }
}
