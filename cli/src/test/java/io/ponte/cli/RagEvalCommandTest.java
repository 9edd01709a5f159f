package io.ponte.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ponte.cli.testing.FakeServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class RagEvalCommandTest {
    private static final String EVAL = "/rag/v1/eval";
    private static final String NL = System.lineSeparator();
    private static final String QA = """
            {"id":"q1","question":"Which port does the router use?","source_files":["docs/router.md"],"language":"en"}
            {"id":"q2","question":"Quale porta usa il router?","source_files":["docs/router.md"],"language":"it"}
            {"id":"q3","question":"What is the weather?","source_files":[],"language":"en"}
            """;

    @TempDir
    Path root;

    @RegisterExtension
    private final FakeServer rag = FakeServer.start();

    @Test
    void sends_the_file_as_json_lines_with_collection_and_modes_and_prints_a_table_of_modes_and_groups()
            throws IOException {
        Path qa = Files.writeString(root.resolve("qa.jsonl"), QA);
        rag.answer("POST", EVAL, 200, """
                {"collection":"infn","questions":3,
                 "scores":{
                   "KEYWORD":{"all":%s,"en":%s,"it":%s},
                   "HYBRID_RERANK":{"all":%s}},
                 "results":{"KEYWORD":[],"HYBRID_RERANK":[]}}""".formatted(
                        scores(0.5, 1, 0.75, 0.8155, 1, 0),
                        scores(1, 1, 1, 1, 1, 0),
                        scores(0, 1, 0.5, 0.6309, 1, 0),
                        scores(1, 1, 1, 1, 0, 0.5)));

        TestStack.Result eval =
                ponte("rag", "eval", "--qa", qa.toString(), "--collection", "infn", "--modes", "keyword,hybrid_rerank");

        assertThat(eval.exitCode()).as(eval.err()).isZero();
        FakeServer.Request request = rag.request("POST", EVAL);
        assertThat(request.query())
                .containsExactly(Map.entry("collection", "infn"), Map.entry("modes", "keyword,hybrid_rerank"));
        assertThat(request.contentType()).isEqualTo("application/x-ndjson");
        assertThat(request.body()).isEqualTo(QA);
        assertThat(eval.out())
                .isEqualTo("collection infn, 3 questions" + NL + NL
                        + "MODE           GROUP  RECALL@1  RECALL@5  MRR@10  NDCG@10  REFUSAL-ACC  FALSE-REFUSALS" + NL
                        + "keyword        all    0.500     1.000     0.750   0.816    1.000        0.000" + NL
                        + "keyword        en     1.000     1.000     1.000   1.000    1.000        0.000" + NL
                        + "keyword        it     0.000     1.000     0.500   0.631    1.000        0.000" + NL
                        + "hybrid_rerank  all    1.000     1.000     1.000   1.000    0.000        0.500" + NL);
    }

    @Test
    void without_collection_and_modes_the_query_is_empty_and_json_prints_the_report() throws IOException {
        Path qa = Files.writeString(root.resolve("qa.jsonl"), QA);
        rag.answer("POST", EVAL, 200, """
                {"collection":"ponte","questions":3,"scores":{},"results":{}}""");

        TestStack.Result eval = ponte("rag", "eval", "--qa", qa.toString(), "--json");

        assertThat(eval.exitCode()).as(eval.err()).isZero();
        assertThat(rag.request("POST", EVAL).query()).isEmpty();
        assertThat(eval.out())
                .isEqualTo("{\n  \"collection\": \"ponte\",\n  \"questions\": 3,\n  \"scores\": {},\n"
                        + "  \"results\": {}\n}" + NL);
    }

    @Test
    void with_answers_the_language_model_checks_are_fetched_and_summarised() throws IOException {
        Path qa = Files.writeString(root.resolve("qa.jsonl"), QA);
        rag.answer("POST", EVAL, 200, """
                {"collection":"infn","questions":3,"scores":{},"results":{}}""");
        rag.answer("POST", EVAL + "/answers", 200, """
                {"questions":3,"meanKeyTermRecall":0.75,"meanCitationPrecision":0.5,"accuracy":0.6667,"checks":[]}""");

        TestStack.Result eval = ponte("rag", "eval", "--qa", qa.toString(), "--collection", "infn", "--answers");

        assertThat(eval.exitCode()).as(eval.err()).isZero();
        FakeServer.Request request = rag.request("POST", EVAL + "/answers");
        assertThat(request.query()).containsExactly(Map.entry("collection", "infn"));
        assertThat(request.body()).isEqualTo(QA);
        assertThat(eval.out())
                .contains("answers (language model): accuracy 0.667, key-term recall 0.750, citation precision 0.500");
    }

    @Test
    void a_missing_or_unreadable_file_is_an_error_before_any_request() {
        Path missing = root.resolve("nope.jsonl");

        TestStack.Result absent = ponte("rag", "eval", "--qa", missing.toString());
        TestStack.Result directory = ponte("rag", "eval", "--qa", root.toString());

        assertThat(absent.exitCode()).isEqualTo(1);
        assertThat(absent.err()).isEqualTo("error: cannot read the evaluation set " + missing + ": no such file" + NL);
        assertThat(directory.exitCode()).isEqualTo(1);
        assertThat(directory.err()).endsWith(root + ": it is a directory" + NL);
        assertThat(rag.requests()).isEmpty();
    }

    @Test
    void the_qa_file_is_required() {
        TestStack.Result eval = ponte("rag", "eval");

        assertThat(eval.exitCode()).isEqualTo(2);
        assertThat(eval.err()).contains("Missing required option: '--qa=FILE'");
    }

    @Test
    void a_problem_answer_prints_its_detail_and_field() throws IOException {
        Path qa = Files.writeString(root.resolve("qa.jsonl"), QA);
        rag.answer("POST", EVAL, 400, "application/problem+json", """
                {"type":"urn:ponte:problem:invalid","title":"Bad Request","status":400,
                 "detail":"unknown mode 'sparse'; modes: keyword, dense, hybrid, hybrid_rerank","field":"modes"}""");

        TestStack.Result eval = ponte("rag", "eval", "--qa", qa.toString(), "--modes", "sparse");

        assertThat(eval.exitCode()).isEqualTo(1);
        assertThat(eval.err())
                .isEqualTo("error: unknown mode 'sparse'; modes: keyword, dense, hybrid, hybrid_rerank (field: modes)"
                        + NL);
    }

    private static String scores(
            double r1, double r5, double mrr, double ndcg, double refusalAccuracy, double falseRefusals) {
        return """
                {"questions":2,"recallAt1":%s,"recallAt5":%s,"mrrAt10":%s,"ndcgAt10":%s,"unanswerable":1,
                 "refusalAccuracy":%s,"falseRefusalRate":%s}""".formatted(r1, r5, mrr, ndcg, refusalAccuracy, falseRefusals);
    }

    private TestStack.Result ponte(String... args) {
        return new TestStack(root, List.of(), Map.of("PONTE_RAG_URL", rag.url())).ponte(args);
    }
}
