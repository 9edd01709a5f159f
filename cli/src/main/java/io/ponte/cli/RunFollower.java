package io.ponte.cli;

import static io.ponte.cli.http.Fields.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ponte.cli.pipelines.PipelineRunner;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Polls a run and prints each task state change, until the run ends. */
final class RunFollower {
    static final Duration POLL = Duration.ofMillis(500);
    private static final Set<String> FINAL = Set.of("SUCCEEDED", "FAILED", "CANCELED");

    private final PipelineRunner runner;
    private final PrintWriter out;
    private final PrintWriter err;

    RunFollower(PipelineRunner runner, PrintWriter out, PrintWriter err) {
        this.runner = runner;
        this.out = out;
        this.err = err;
    }

    /** 0 when the run succeeded, 1 when it failed or was cancelled. */
    int follow(String id) throws InterruptedException {
        Map<String, String> seen = new HashMap<>();
        while (true) {
            ObjectNode run = runner.run(id);
            for (JsonNode task : run.path("run_details").path("task_details")) {
                String path = text(task, "task_id", "?");
                String state = text(task, "state", "?");
                if (!state.equals(seen.put(path, state))) {
                    String detail = RunCommand.taskDetail(task);
                    out.println(path + "  " + state + (detail.isEmpty() ? "" : "  " + detail));
                }
            }
            String state = text(run, "state", "?");
            if (FINAL.contains(state)) {
                out.println("run " + id + " " + state);
                if (state.equals("SUCCEEDED")) {
                    return 0;
                }
                String why = run.path("error").path("message").asText("");
                err.println("error: run " + id + " " + state + (why.isEmpty() ? "" : ": " + why) + "; ponte runs logs "
                        + id + " TASK shows a task's log.");
                return 1;
            }
            out.flush();
            Thread.sleep(POLL.toMillis());
        }
    }
}
