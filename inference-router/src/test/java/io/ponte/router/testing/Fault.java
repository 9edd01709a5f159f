package io.ponte.router.testing;

/** What the fake upstream does wrong, if anything, for one request. */
public enum Fault {
    /** Answers normally. */
    NONE,
    /** Closes the connection without answering. */
    CLOSE_BEFORE_HEADERS,
    /** Sends response headers, then closes before any body byte. */
    EOF_BEFORE_FIRST_CHUNK,
    /** Sends headers and the first event, then closes without ending the stream. */
    EOF_AFTER_FIRST_CHUNK,
    /** Never answers (until the client goes away). */
    STALL_BEFORE_HEADERS,
    /** Sends headers, then nothing. */
    STALL_AFTER_HEADERS,
    /** Sends the first event, then nothing. */
    STALL_AFTER_FIRST_CHUNK,
    /** Answers with {@link Behaviour#status()} and a JSON error body. */
    STATUS
}
