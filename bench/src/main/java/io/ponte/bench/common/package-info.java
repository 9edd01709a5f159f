/**
 * What the benchmark programs share: latency percentiles, CPU time from {@code /proc}, waiting for a quiet machine,
 * machine and commit facts, a blocking HTTP client on Vert.x, and the RESULTS.md layout.
 */
package io.ponte.bench.common;
