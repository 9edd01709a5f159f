package io.ponte.pipelines.core.engine;

import io.ponte.pipelines.core.ir.TaskIr;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Retries of failed attempts: as many as the task's {@code retryPolicy} allows, after its backoff; an
 * attempt that failed for a reason retrying can fix (staging, an executor that was unreachable) is
 * tried up to three times even without a policy. No retry once the run is terminating.
 */
final class Retries {

    private final Attempts attempts;
    private final RunExecution run;

    Retries(Attempts attempts) {
        this.attempts = attempts;
        this.run = attempts.run;
    }

    boolean allowed(Node node, boolean retriable) {
        if (run.cancelling) {
            return false;
        }
        int max = node.task.retry().map(TaskIr.RetryPolicy::maxRetryCount).orElse(0);
        return node.attempt <= max || retriable && node.attempt < 3;
    }

    /** Says in the task's status which retry comes when, and launches it then. */
    void schedule(Node node, String error) {
        Duration delay = node.task.retry().map(r -> r.delayBefore(node.attempt)).orElse(Duration.ofSeconds(1));
        int max = node.task.retry().map(TaskIr.RetryPolicy::maxRetryCount).orElse(2);
        run.save(node, u -> {
            u.attempts = node.attempt;
            u.statusDetail = Optional.of("attempt " + node.attempt + " failed (" + error + "); retry " + node.attempt
                    + " of " + max + " in " + delay.toMillis() + " ms");
        });
        attempts.waitingRetry.add(node);
        run.ctx
                .timers()
                .schedule(
                        () -> attempts.post(() -> {
                            if (attempts.waitingRetry.remove(node) && !node.isFinal()) {
                                attempts.launch(node);
                            }
                        }),
                        delay.toMillis(),
                        TimeUnit.MILLISECONDS);
    }
}
