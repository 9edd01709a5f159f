/**
 * The {@code ponte} command: picocli commands that start, stop, inspect and tail the standalone
 * stack, and {@code ponte models} for the model registry. The work itself is done by
 * {@link io.ponte.cli.stack} and {@link io.ponte.cli.registry}.
 */
package io.ponte.cli;
