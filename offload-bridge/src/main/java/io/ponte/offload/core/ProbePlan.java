package io.ponte.offload.core;

import java.util.Optional;

/**
 * A startup, liveness or readiness probe, as the job script runs it.
 *
 * @param kind which probe
 * @param httpPath for an HTTP GET probe, the path (empty for TCP and exec probes)
 * @param port for HTTP and TCP probes, the port on the pod's host
 * @param host the host to connect to
 * @param execLine for an exec probe, the runtime command line running its command
 * @param initialDelaySeconds seconds before the first try
 * @param periodSeconds seconds between tries
 * @param timeoutSeconds seconds one try may take
 * @param failureThreshold consecutive failures that count as failed
 * @param successThreshold consecutive successes that count as succeeded
 */
public record ProbePlan(
        Kind kind,
        Optional<String> httpPath,
        int port,
        String host,
        Optional<String> execLine,
        int initialDelaySeconds,
        int periodSeconds,
        int timeoutSeconds,
        int failureThreshold,
        int successThreshold) {

    /** Which probe. */
    public enum Kind {
        STARTUP,
        LIVENESS,
        READINESS
    }
}
