/**
 * The router benchmark: {@link io.ponte.bench.router.RouterBench} drives a fast fake upstream
 * ({@link io.ponte.bench.router.FastUpstream}) directly, through nginx and through the Ponte router,
 * and reports what each hop adds. See {@code bench/router/README.md}.
 */
package io.ponte.bench.router;
