/** Benchmark programs. */
package io.ponte.bench;
