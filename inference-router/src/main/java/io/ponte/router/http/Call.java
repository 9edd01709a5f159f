package io.ponte.router.http;

import io.ponte.router.access.ApiKey;
import io.vertx.core.http.HttpMethod;

/**
 * One client request as the exchange forwards it.
 *
 * @param endpoint label for metrics and logs ({@code chat}, {@code v2.infer}…)
 * @param method HTTP method sent upstream
 * @param path appended to the chosen backend's base URL
 * @param body bytes sent upstream (null for none)
 * @param model the requested model
 * @param stream whether the response is relayed as server-sent events
 * @param stripUsageChunk remove the usage-only chunk (the client did not ask for it)
 * @param key the caller
 * @param style how errors are shaped
 */
record Call(
        String endpoint,
        HttpMethod method,
        String path,
        byte[] body,
        String model,
        boolean stream,
        boolean stripUsageChunk,
        ApiKey key,
        ErrorStyle style) {}
