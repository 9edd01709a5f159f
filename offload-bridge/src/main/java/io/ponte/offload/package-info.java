/**
 * offload-bridge: an interLink plugin that runs Kubernetes pods as Slurm jobs or local processes.
 *
 * <p>{@code api} speaks the plugin wire protocol, {@code core} turns pods into job scripts and
 * tracks them, {@code spi} holds the ports, {@code adapter.*} the Slurm, local and container
 * runtime adapters.
 */
package io.ponte.offload;
