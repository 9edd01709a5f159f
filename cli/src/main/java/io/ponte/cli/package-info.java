/**
 * The {@code ponte} command: picocli commands that start, stop, inspect and tail the standalone
 * stack, {@code ponte models} for the model registry, and {@code ponte ingest}, {@code ponte ask}
 * and {@code ponte rag} for the rag service. The work itself is done by {@link io.ponte.cli.stack},
 * {@link io.ponte.cli.registry} and {@link io.ponte.cli.rag}, over {@link io.ponte.cli.http}.
 */
package io.ponte.cli;
