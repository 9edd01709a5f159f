package io.ponte.rag.core.ingest;

import io.ponte.rag.core.ingest.ParsedDocument.BlockKind;
import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * PDF through pdfbox, one section per page headed {@code "Page n"}. Line numbers are those of the text pdfbox
 * extracts from the page, counted from 1 on every page: a citation reads "page 3, lines 5-12". Extracted lines are
 * running text; blank lines (rare in extracted text) separate paragraphs. A document title from the metadata becomes
 * the outermost heading.
 */
final class PdfParser {

    private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n");

    private PdfParser() {}

    static ParsedDocument parse(String file, byte[] content) {
        DocumentBuilder doc = new DocumentBuilder(file, DocumentFormat.PDF);
        try (PDDocument pdf = Loader.loadPDF(content)) {
            String title = pdf.getDocumentInformation().getTitle();
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setLineSeparator("\n");
            for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                List<String> lines = List.of(LINE_BREAK.split(stripper.getText(pdf), -1));
                doc.page(page);
                for (int k = 0; k < lines.size(); k++) {
                    doc.line(BlockKind.PARAGRAPH, k + 1, lines.get(k));
                }
            }
            if (title != null) {
                doc.title(title, 0);
            }
        } catch (InvalidPasswordException e) {
            throw new CorruptDocumentException(file, "the PDF is password-protected", e);
        } catch (IOException | RuntimeException e) {
            throw new CorruptDocumentException(file, "not a readable PDF (" + e.getMessage() + ")", e);
        }
        return doc.build();
    }
}
