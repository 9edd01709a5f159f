/**
 * The standalone stack as child processes: the service catalogue, pid files and logs in the state
 * directory, port checks, readiness polling and stale-build detection. No picocli here.
 */
package io.ponte.cli.stack;
