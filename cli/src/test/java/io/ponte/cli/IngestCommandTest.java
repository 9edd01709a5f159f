package io.ponte.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ponte.cli.testing.FakeServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class IngestCommandTest {
    private static final String INGEST = "/rag/v1/ingest";
    private static final String NL = System.lineSeparator();
    private static final String REPORT = """
            {"collection":"infn","root":"/srv/docs/guides","files":42,"added":3,"updated":1,"unchanged":37,
             "removed":1,"failed":[{"file":"slides/intro.pdf","reason":"not a text file"},
                                   {"file":"notes/old.md","reason":"not UTF-8"}],
             "passagesEmbedded":57,"millis":12345}""";

    @TempDir
    Path root;

    @RegisterExtension
    private final FakeServer rag = FakeServer.start();

    @Test
    void sends_the_directory_made_absolute_with_the_collection_and_prints_a_summary_and_the_failed_files() {
        rag.answer("POST", INGEST, 200, REPORT);

        TestStack.Result ingest = ponte("ingest", "docs/../guides", "--collection", "infn");

        assertThat(ingest.exitCode()).as(ingest.err()).isZero();
        FakeServer.Request request = rag.request("POST", INGEST);
        assertThat(request.contentType()).isEqualTo("application/json");
        assertThat(request.json())
                .containsExactly(
                        Map.entry("collection", "infn"),
                        Map.entry("path", Path.of("guides").toAbsolutePath().toString()));
        assertThat(ingest.out())
                .isEqualTo("Ingested /srv/docs/guides into collection infn in 12.3 s: 42 files seen, 3 added, "
                        + "1 updated, 37 unchanged, 1 removed, 2 failed; 57 passages embedded." + NL
                        + "Failed (their earlier passages are kept):" + NL
                        + "  slides/intro.pdf: not a text file" + NL
                        + "  notes/old.md: not UTF-8" + NL);
    }

    @Test
    void without_a_collection_only_the_path_is_sent_and_json_prints_the_report_as_it_came() {
        rag.answer("POST", INGEST, 200, """
                {"collection":"ponte","root":"/r","files":0,"added":0,"updated":0,"unchanged":0,"removed":0,
                 "failed":[],"passagesEmbedded":0,"millis":5}""");

        TestStack.Result ingest = ponte("ingest", root.toString(), "--json");

        assertThat(ingest.exitCode()).as(ingest.err()).isZero();
        assertThat(rag.request("POST", INGEST).json()).containsOnlyKeys("path");
        assertThat(ingest.out())
                .startsWith("{" + "\n" + "  \"collection\": \"ponte\",")
                .contains("\"failed\": []", "\"millis\": 5");
    }

    @Test
    void a_problem_answer_prints_its_detail_and_field_with_exit_1() {
        rag.answer("POST", INGEST, 403, "application/problem+json", """
                {"type":"urn:ponte:problem:forbidden-path","title":"Forbidden","status":403,
                 "detail":"/etc is not under an allowed root","field":"path"}""");

        TestStack.Result ingest = ponte("ingest", "/etc");

        assertThat(ingest.exitCode()).isEqualTo(1);
        assertThat(ingest.err()).isEqualTo("error: /etc is not under an allowed root (field: path)" + NL);
        assertThat(ingest.out()).isEmpty();
    }

    private TestStack.Result ponte(String... args) {
        return new TestStack(root, List.of(), Map.of("PONTE_RAG_URL", rag.url())).ponte(args);
    }
}
