package io.ponte.router.http;

import io.vertx.core.buffer.Buffer;

/**
 * Why one upstream attempt failed, and what the client is told if it was the last one.
 *
 * @param kind metric label
 * @param status the status to answer with if no other attempt succeeds
 * @param code the OpenAI error code to answer with
 * @param message a human explanation (no secrets, no stack traces)
 * @param ejects whether it counts towards ejecting the replica
 * @param retryAfter the upstream's Retry-After header, if any
 * @param upstreamBody the upstream's own error body, relayed for 429s
 */
record Failure(
        String kind, int status, String code, String message, boolean ejects, String retryAfter, Buffer upstreamBody) {

    static Failure connect(String backend, Throwable cause) {
        return new Failure(
                "connect",
                502,
                "upstream_unreachable",
                "Could not connect to backend " + backend + ": " + describe(cause),
                true,
                null,
                null);
    }

    static Failure reset(String backend, Throwable cause) {
        return new Failure(
                "reset",
                502,
                "upstream_disconnected",
                "Backend " + backend + " closed the connection before responding: " + describe(cause),
                true,
                null,
                null);
    }

    static Failure emptyStream(String backend) {
        return new Failure(
                "eof",
                502,
                "upstream_disconnected",
                "Backend " + backend + " ended the stream before any event.",
                true,
                null,
                null);
    }

    static Failure firstByteTimeout(String backend, long millis) {
        return new Failure(
                "timeout_first_byte",
                504,
                "upstream_timeout",
                "Backend " + backend + " sent nothing within the first-byte timeout (" + millis + " ms).",
                true,
                null,
                null);
    }

    static Failure status(String backend, int status, String retryAfter, Buffer body) {
        if (status == 429) {
            return new Failure(
                    "status_429",
                    429,
                    "rate_limit_exceeded",
                    "Backend " + backend + " is rate limiting requests.",
                    false,
                    retryAfter,
                    body);
        }
        int answer = status == 503 ? 503 : 502;
        return new Failure(
                "status_" + status,
                answer,
                "upstream_error",
                "Backend " + backend + " answered HTTP " + status + ".",
                true,
                retryAfter,
                null);
    }

    static Failure tooLarge(String backend, int limit) {
        return new Failure(
                "too_large",
                502,
                "upstream_response_too_large",
                "Backend " + backend + " sent a response larger than " + limit + " bytes.",
                false,
                null,
                null);
    }

    private static String describe(Throwable cause) {
        String message = cause.getMessage();
        return message == null ? cause.getClass().getSimpleName() : message;
    }
}
