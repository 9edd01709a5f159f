package io.ponte.pipelines.core.ir;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A task of a DAG.
 *
 * @param name the task's key in the DAG
 * @param path where it is in the IR, e.g. {@code root.dag.tasks.train}
 * @param displayName {@code taskInfo.name}
 * @param componentRef the component it runs
 * @param dependentTasks the sibling tasks it waits for
 * @param parameters its input parameters by name
 * @param artifacts its input artifacts by name
 * @param condition the CEL trigger condition, if any
 * @param strategy when it may run given its upstream tasks' outcome
 * @param iterator the ParallelFor it expands into, if any
 * @param retry its retry policy, if any
 * @param cacheEnabled {@code cachingOptions.enableCache}
 */
public record TaskIr(
        String name,
        String path,
        String displayName,
        String componentRef,
        List<String> dependentTasks,
        Map<String, ParameterInput> parameters,
        Map<String, ArtifactInput> artifacts,
        Optional<String> condition,
        Strategy strategy,
        Optional<IteratorIr> iterator,
        Optional<RetryPolicy> retry,
        boolean cacheEnabled) {

    /** {@code triggerPolicy.strategy}. */
    public enum Strategy {
        /** The default: runs only when every upstream task succeeded. */
        ALL_UPSTREAM_TASKS_SUCCEEDED,
        /** Runs once every upstream task finished, however (exit handlers, ignore_upstream_failure). */
        ALL_UPSTREAM_TASKS_COMPLETED
    }

    /**
     * {@code retryPolicy}: up to {@code maxRetryCount} more attempts, waiting {@code backoff ×
     * factor^(n-1)}, at most {@code maxBackoff}.
     */
    public record RetryPolicy(int maxRetryCount, Duration backoff, double factor, Duration maxBackoff) {

        /** The wait before retry number {@code retry} (1-based). */
        public Duration delayBefore(int retry) {
            double millis = backoff.toMillis() * Math.pow(factor <= 0 ? 1 : factor, Math.max(0, retry - 1));
            return Duration.ofMillis((long) Math.min(millis, maxBackoff.toMillis()));
        }
    }
}
