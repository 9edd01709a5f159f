package io.ponte.pipelines.api;

import io.ponte.pipelines.core.Runs;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.util.Optional;

/**
 * An attempt's log as {@code text/plain}, written through as it is read: with {@code follow} the
 * response stays open and each chunk is flushed as the task writes it, until the attempt ends.
 */
final class TaskLogs {

    private TaskLogs() {}

    static Response stream(Runs runs, String runId, String taskPath, Optional<Integer> attempt, boolean follow) {
        // Opened before the response starts, so a missing log is still a 404 problem.
        InputStream log = runs.logs(runId, taskPath, attempt, follow);
        StreamingOutput body = out -> {
            try (InputStream in = log) {
                byte[] buffer = new byte[8192];
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            }
        };
        return Response.ok(body, "text/plain; charset=utf-8")
                .header("Cache-Control", "no-store")
                .build();
    }
}
