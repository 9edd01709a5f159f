/**
 * The pipeline-runner benchmark: scheduler overhead on a 10,000-task DAG with a no-op executor (PostgreSQL and
 * in-memory run stores), a 100-task DAG of {@code true} on the local executor against launching the same processes
 * directly, and kill-and-resume of a runner JVM. See {@code bench/pipelines/README.md}.
 */
package io.ponte.bench.pipelines;
