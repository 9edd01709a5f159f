package io.ponte.pipelines.spi;

import java.util.Optional;

/**
 * Runs one attempt of one task's container. Adapters: {@code local} (a subprocess, or bubblewrap /
 * podman over local images), {@code kubernetes} (one Job per task, admitted by Kueue) and {@code
 * offload} (a pod through the interLink plugin API of an offload-bridge). Every adapter passes the
 * same abstract contract test.
 */
public interface TaskExecutor {

    /** The name used in configuration and in task status: {@code local}, {@code kubernetes}, {@code offload}. */
    String name();

    /**
     * Starts the attempt and returns at once.
     *
     * @throws ExecutorException when the attempt cannot be started (a missing image is not
     *     retriable, an unreachable API server is)
     */
    TaskHandle start(TaskLaunch launch) throws ExecutorException;

    /**
     * Re-attaches to an attempt started before the runner restarted, from the {@link
     * TaskHandle#ref()} it stored; empty when the executor no longer knows the attempt (the
     * runner then treats it as lost and runs it again).
     */
    Optional<TaskHandle> reattach(TaskLaunch launch, String ref) throws ExecutorException;
}
