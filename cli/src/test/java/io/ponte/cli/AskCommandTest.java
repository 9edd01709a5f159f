package io.ponte.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ponte.cli.testing.FakeServer;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class AskCommandTest {
    private static final String CHAT = "/rag/v1/chat";
    private static final String NL = System.lineSeparator();
    private static final String CITATIONS = """
            [{"number":1,"file":"docs/router.md","heading":"Ports","lines":"10-20","snippet":"port 8080"},
             {"number":2,"file":"README.md","heading":"","lines":"3-4","snippet":"ponte up"}]""";
    private static final String SOURCES =
            "Sources:" + NL + "[1] docs/router.md § Ports (lines 10-20)" + NL + "[2] README.md (lines 3-4)" + NL;

    @TempDir
    Path root;

    @RegisterExtension
    private final FakeServer rag = FakeServer.start();

    @Test
    void sends_the_question_with_collection_and_source_and_prints_the_answer_then_its_sources() {
        rag.answer("POST", CHAT, 200, answer("generated", "The router listens on port 8080 [1], see [2]."));

        TestStack.Result ask =
                ponte("ask", "Which port does the router use?", "--collection", "ponte", "--source", "docs/");

        assertThat(ask.exitCode()).as(ask.err()).isZero();
        assertThat(rag.request("POST", CHAT).json())
                .containsExactly(
                        Map.entry("question", "Which port does the router use?"),
                        Map.entry("collection", "ponte"),
                        Map.entry("source", "docs/"),
                        Map.entry("stream", false));
        assertThat(ask.out()).isEqualTo("The router listens on port 8080 [1], see [2]." + NL + NL + SOURCES);
    }

    @Test
    void words_without_quotes_make_one_question_and_absent_options_are_left_out() {
        rag.answer("POST", CHAT, 200, answer("generated", "Yes."));

        ponte("ask", "does", "ponte", "run", "on", "Slurm?");

        assertThat(rag.request("POST", CHAT).json())
                .containsExactly(Map.entry("question", "does ponte run on Slurm?"), Map.entry("stream", false));
    }

    @Test
    void an_extractive_answer_says_that_it_quotes_passages() {
        rag.answer("POST", CHAT, 200, answer("extractive", "Ponte's router listens on 8080 [1]."));

        TestStack.Result ask = ponte("ask", "router port?");

        assertThat(ask.out())
                .isEqualTo("Ponte's router listens on 8080 [1]." + NL + NL
                        + "(extractive answer: the rag service has no language model, so these are the passages "
                        + "that match best, as written)" + NL + NL + SOURCES);
    }

    @Test
    void a_refusal_says_so_and_lists_no_sources() {
        rag.answer("POST", CHAT, 200, """
                {"answer":"The documentation in collection 'ponte' does not cover this question.",
                 "mode":"refused","collection":"ponte","language":"en","coverage":0.1,"citations":[],"passages":[]}""");

        TestStack.Result ask = ponte("ask", "what is the weather?");

        assertThat(ask.exitCode()).isZero();
        assertThat(ask.out())
                .isEqualTo("The documentation in collection 'ponte' does not cover this question." + NL + NL
                        + "(refused: the documentation does not cover this question)" + NL);
    }

    @Test
    void json_prints_the_whole_answer_with_its_passages() {
        rag.answer("POST", CHAT, 200, answer("generated", "8080 [1]."));

        TestStack.Result ask = ponte("ask", "router port?", "--json");

        assertThat(ask.out())
                .startsWith("{\n  \"answer\": \"8080 [1].\",")
                .contains("\"keywordRank\": 2", "\"similarity\": 0.81");
    }

    @Test
    void stream_prints_each_piece_as_it_arrives_then_the_sources_of_the_done_event() {
        StringWriter flushed = new StringWriter();
        AtomicBoolean printedBeforeTheRestWasSent = new AtomicBoolean();
        rag.answerInParts(
                "POST",
                CHAT,
                "text/event-stream",
                () -> {
                    printedBeforeTheRestWasSent.set(flushed.toString().equals("The router listens "));
                    return printedBeforeTheRestWasSent.get();
                },
                """
                event: passages
                data: [{"rank":1,"file":"docs/router.md","heading":"Ports","lines":"10-20","score":0.9,"text":"…"}]

                event: delta
                data: {"text":"The router listens "}

                """,
                """
                event: delta
                data: {"text":"on port 8080 [1], see [2]."}

                event: done
                data: {"mode":"generated","answer":"The router listens on port 8080 [1], see [2].",
                data:  "citations":%s}

                """.formatted(CITATIONS.replace("\n", "")));

        TestStack.Result ask = new TestStack(root, List.of(), Map.of("PONTE_RAG_URL", rag.url()))
                .ponteBuffered(flushed, "ask", "router port?", "--stream");

        assertThat(ask.exitCode()).as(ask.err()).isZero();
        assertThat(printedBeforeTheRestWasSent).isTrue();
        FakeServer.Request request = rag.request("POST", CHAT);
        assertThat(request.json()).containsEntry("stream", true);
        assertThat(request.accept()).startsWith("text/event-stream");
        assertThat(ask.out()).isEqualTo("The router listens on port 8080 [1], see [2]." + NL + NL + SOURCES);
    }

    @Test
    void a_streamed_extractive_answer_is_marked_after_its_text() {
        rag.answer("POST", CHAT, 200, "text/event-stream", """
                event: delta
                data: {"text":"Quoted [1]."}

                event: done
                data: {"mode":"extractive","answer":"Quoted [1].","citations":%s}

                """.formatted(CITATIONS.replace("\n", "")));

        TestStack.Result ask = ponte("ask", "router port?", "--stream");

        assertThat(ask.out())
                .startsWith("Quoted [1]." + NL + NL + "(extractive answer:")
                .endsWith(NL + SOURCES);
    }

    @Test
    void a_stream_that_fails_midway_or_ends_without_done_is_an_error() {
        rag.answer("POST", CHAT, 200, "text/event-stream", """
                        event: delta
                        data: {"text":"The router"}

                        event: error
                        data: {"status":502,"detail":"the language model at http://llm:8080 is not reachable"}

                        """).answer("POST", CHAT, 200, "text/event-stream", """
                        event: delta
                        data: {"text":"The router"}

                        """);

        TestStack.Result failed = ponte("ask", "router port?", "--stream");
        TestStack.Result cut = ponte("ask", "router port?", "--stream");

        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.err())
                .isEqualTo("error: the rag service failed while answering: "
                        + "the language model at http://llm:8080 is not reachable" + NL);
        assertThat(cut.exitCode()).isEqualTo(1);
        assertThat(cut.err())
                .isEqualTo("error: the rag service's answer to POST " + CHAT + " ended before its done event" + NL);
    }

    @Test
    void a_problem_answer_to_a_streamed_question_prints_its_detail_and_field() {
        rag.answer("POST", CHAT, 404, "application/problem+json", """
                {"type":"urn:ponte:problem:not-found","title":"Not Found","status":404,
                 "detail":"no collection 'infn'; collections: ponte","field":"collection"}""");

        TestStack.Result ask = ponte("ask", "router port?", "--stream", "--collection", "infn");
        TestStack.Result plain = ponte("ask", "router port?", "--collection", "infn");

        assertThat(ask.exitCode()).isEqualTo(1);
        assertThat(ask.err()).isEqualTo("error: no collection 'infn'; collections: ponte (field: collection)" + NL);
        assertThat(plain.err()).isEqualTo(ask.err());
    }

    @Test
    void json_and_stream_together_are_a_usage_error() {
        TestStack.Result ask = ponte("ask", "router port?", "--stream", "--json");

        assertThat(ask.exitCode()).isEqualTo(2);
        assertThat(ask.err()).contains("--json and --stream do not go together");
        assertThat(rag.requests()).isEmpty();
    }

    private static String answer(String mode, String text) {
        return """
                {"answer":"%s","mode":"%s","collection":"ponte","language":"en","coverage":0.83,
                 "citations":%s,
                 "passages":[{"rank":1,"file":"docs/router.md","heading":"Ports","lines":"10-20","score":0.032,
                              "similarity":0.81,"keywordRank":2,"vectorRank":1,"text":"The router … 8080."}]}""".formatted(text, mode, CITATIONS);
    }

    private TestStack.Result ponte(String... args) {
        return new TestStack(root, List.of(), Map.of("PONTE_RAG_URL", rag.url())).ponte(args);
    }
}
