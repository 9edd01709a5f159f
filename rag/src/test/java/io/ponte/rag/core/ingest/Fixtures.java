package io.ponte.rag.core.ingest;

import io.ponte.rag.core.ingest.ParsedDocument.Block;
import io.ponte.rag.core.ingest.ParsedDocument.Section;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/** Test documents under {@code src/test/resources/ingest/} and ways to look into what they parse to. */
final class Fixtures {

    private static final DocumentParser PARSER = new DocumentParser();

    private Fixtures() {}

    static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/ingest/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ParsedDocument parse(String name) {
        return PARSER.parse(name, bytes(name));
    }

    static ParsedDocument parseText(String file, String content) {
        return PARSER.parse(file, content.getBytes(StandardCharsets.UTF_8));
    }

    static Section section(ParsedDocument doc, String... headings) {
        List<String> path = List.of(headings);
        return doc.sections().stream()
                .filter(section -> section.headings().equals(path))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no section " + path + " in " + doc.sections()));
    }

    /** Every block's text, blank-line separated: what the section says. */
    static String text(Section section) {
        return section.blocks().stream().map(Block::text).collect(Collectors.joining("\n\n"));
    }

    static String allText(ParsedDocument doc) {
        return doc.sections().stream().map(Fixtures::text).collect(Collectors.joining("\n\n"));
    }
}
