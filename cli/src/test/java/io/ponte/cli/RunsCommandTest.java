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

/** {@code ponte runs list | get | logs | terminate | retry | rerun} against a stand-in for the pipeline runner. */
class RunsCommandTest {
    private static final String RUNS = "/apis/v2beta1/runs";
    private static final String NL = System.lineSeparator();

    @TempDir
    Path root;

    @RegisterExtension
    private final FakeServer runner = FakeServer.start();

    @Test
    void list_sends_the_filters_and_prints_a_table_and_how_to_get_the_next_page() {
        runner.answer("GET", RUNS, 200, """
                {"runs":[{"run_id":"r-2","display_name":"nightly","pipeline_name":"train","state":"RUNNING",
                          "created_at":"2026-03-01T10:00:02Z"},
                         {"run_id":"r-1","display_name":"first","pipeline_name":"train","state":"FAILED",
                          "created_at":"2026-03-01T10:00:01Z"}],
                 "total_size":5,"next_page_token":"tok2"}""");

        TestStack.Result list = ponte("runs", "list", "--pipeline", "train", "--state", "RUNNING", "--page-size", "2");

        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(runner.request("GET", RUNS).query())
                .containsExactly(
                        Map.entry("state", "RUNNING"),
                        Map.entry("pipeline_name", "train"),
                        Map.entry("page_size", "2"));
        assertThat(list.out().lines())
                .containsExactly(
                        "RUN  NAME     PIPELINE  STATE    CREATED",
                        "r-2  nightly  train     RUNNING  2026-03-01T10:00:02Z",
                        "r-1  first    train     FAILED   2026-03-01T10:00:01Z",
                        "More: ponte runs list --page-token tok2 (same filters).");
    }

    @Test
    void get_prints_the_run_and_a_task_table_with_each_tasks_explanation() {
        runner.answer("GET", RUNS + "/r-1", 200, """
                {"run_id":"r-1","display_name":"nightly","pipeline_name":"train","state":"RUNNING",
                 "created_at":"2026-03-01T10:00:00Z","enable_caching":true,
                 "run_details":{"task_details":[
                   {"task_id":"root/prepare","state":"CACHED","attempts":0,"executor":"local",
                    "status_detail":"cache hit: run r-0"},
                   {"task_id":"root/train","state":"QUEUED","attempts":1,"executor":"kubernetes",
                    "status_detail":"Kueue: pending in queue team-a, position 3 of 7"}]}}""");

        TestStack.Result get = ponte("runs", "get", "r-1");

        assertThat(get.exitCode()).as(get.err()).isZero();
        assertThat(get.out().lines())
                .contains(
                        "RUN       r-1",
                        "STATE     RUNNING",
                        "TASK          STATE   ATTEMPTS  EXECUTOR    DETAIL",
                        "root/prepare  CACHED  0         local       cache hit: run r-0",
                        "root/train    QUEUED  1         kubernetes  Kueue: pending in queue team-a, position 3 of 7");
    }

    @Test
    void an_unknown_run_is_the_runners_404_detail() {
        runner.answer("GET", RUNS + "/nope", 404, """
                {"type":"urn:ponte:pipelines:problem:not-found","status":404,"title":"Not Found","detail":"no run nope"}""");

        TestStack.Result get = ponte("runs", "get", "nope");

        assertThat(get.exitCode()).isEqualTo(1);
        assertThat(get.err()).isEqualTo("error: no run nope" + NL);
    }

    @Test
    void logs_follow_prints_each_part_as_it_arrives_and_encodes_the_task_path() {
        String logPath = RUNS + "/r-1/tasks/root/for-loop-2[0]/train/logs";
        StringWriter flushed = new StringWriter();
        AtomicBoolean printedBeforeTheRestWasSent = new AtomicBoolean();
        runner.answerInParts(
                "GET",
                logPath,
                "text/plain",
                () -> {
                    printedBeforeTheRestWasSent.set(flushed.toString().equals("epoch 1\n"));
                    return printedBeforeTheRestWasSent.get();
                },
                "epoch 1\n",
                "epoch 2\ndone\n");

        TestStack.Result logs = new TestStack(root, List.of(), Map.of("PONTE_PIPELINES_URL", runner.url()))
                .ponteBuffered(
                        flushed, "runs", "logs", "r-1", "root/for-loop-2[0]/train", "--follow", "--attempt", "2");

        assertThat(logs.exitCode()).as(logs.err()).isZero();
        assertThat(printedBeforeTheRestWasSent).isTrue();
        assertThat(logs.out()).isEqualTo("epoch 1\nepoch 2\ndone\n");
        FakeServer.Request request = runner.request("GET", logPath);
        assertThat(request.query()).containsExactly(Map.entry("attempt", "2"), Map.entry("follow", "true"));
    }

    @Test
    void terminate_and_retry_call_the_custom_methods_and_print_the_state() {
        runner.answer("POST", RUNS + "/r-1:terminate", 200, "{\"run_id\":\"r-1\",\"state\":\"CANCELING\"}")
                .answer("POST", RUNS + "/r-1:retry", 200, "{\"run_id\":\"r-1\",\"state\":\"RUNNING\"}");

        TestStack.Result terminate = ponte("runs", "terminate", "r-1");
        TestStack.Result retry = ponte("runs", "retry", "r-1");

        assertThat(terminate.out()).isEqualTo("run r-1 CANCELING" + NL);
        assertThat(retry.out()).isEqualTo("run r-1 RUNNING" + NL);
        assertThat(runner.requests("POST", RUNS + "/r-1:terminate")).hasSize(1);
    }

    @Test
    void rerun_sends_the_task_and_the_changed_parameters_and_prints_the_new_run() {
        runner.answer("POST", RUNS + "/r-1:rerun", 200, "{\"run_id\":\"r-9\",\"state\":\"PENDING\"}");

        TestStack.Result rerun = ponte("runs", "rerun", "r-1", "--from", "root/train", "-p", "lr=0.5");

        assertThat(rerun.exitCode()).as(rerun.err()).isZero();
        assertThat(rerun.out()).isEqualTo("run r-9 PENDING" + NL);
        assertThat(runner.request("POST", RUNS + "/r-1:rerun").json())
                .isEqualTo(Map.of("from_task", "root/train", "parameters", Map.of("lr", 0.5)));
    }

    private TestStack.Result ponte(String... args) {
        return new TestStack(root, List.of(), Map.of("PONTE_PIPELINES_URL", runner.url())).ponte(args);
    }
}
