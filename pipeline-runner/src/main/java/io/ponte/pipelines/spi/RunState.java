package io.ponte.pipelines.spi;

/** Run states, as KFP v2beta1 names them. */
public enum RunState {
    PENDING,
    RUNNING,
    SUCCEEDED,
    FAILED,
    CANCELING,
    CANCELED;

    public boolean isFinal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELED;
    }
}
