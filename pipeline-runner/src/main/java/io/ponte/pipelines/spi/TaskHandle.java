package io.ponte.pipelines.spi;

import java.util.concurrent.CompletionStage;

/** A started attempt. */
public interface TaskHandle {

    /** A stable reference the runner stores to re-attach after a restart (pid, Job name, pod UID). */
    String ref();

    /** Where the attempt is now, with a human detail such as a Kueue queue position. */
    TaskProgress progress();

    /**
     * Completes when the attempt ends, with its exit code. The attempt's combined output has then
     * been written completely to {@link TaskLaunch#logFile()}.
     */
    CompletionStage<TaskResult> completion();

    /** Stops the attempt (idempotent); {@link #completion()} then completes as cancelled. */
    void cancel();
}
