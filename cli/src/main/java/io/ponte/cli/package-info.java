/**
 * The {@code ponte} command: picocli commands that start, stop, inspect and tail the standalone
 * stack. The work itself is done by {@link io.ponte.cli.stack}.
 */
package io.ponte.cli;
