package io.ponte.pipelines.spi;

/** Task states, as KFP v2beta1 names them, plus QUEUED (waiting for admission). */
public enum TaskState {
    PENDING,
    QUEUED,
    RUNNING,
    SUCCEEDED,
    /** Succeeded from the cache: nothing ran; the task status says which entry and why. */
    CACHED,
    SKIPPED,
    FAILED,
    CANCELED;

    public boolean isFinal() {
        return this == SUCCEEDED || this == CACHED || this == SKIPPED || this == FAILED || this == CANCELED;
    }
}
