package io.ponte.pipelines.spi;

/** A conditional write lost a race: the stored revision moved on. Re-read and try again. */
public class StaleRecordException extends RuntimeException {
    public StaleRecordException(String message) {
        super(message);
    }
}
