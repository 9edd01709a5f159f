package io.ponte.offload.spi;

/**
 * The largest job a scheduler can run, and what it has in all.
 *
 * @param where what the numbers describe, for messages (e.g. "Slurm partition debug")
 * @param cpusPerJob the most CPUs one job can get
 * @param memoryMbPerJob the most memory (MiB) one job can get
 * @param gpusPerJob the most GPUs one job can get
 * @param totalCpus CPUs in all (advertised to Kubernetes)
 * @param totalMemoryMb memory in all, MiB
 * @param totalGpus GPUs in all
 */
public record NodeCapacity(
        String where,
        int cpusPerJob,
        long memoryMbPerJob,
        int gpusPerJob,
        long totalCpus,
        long totalMemoryMb,
        long totalGpus) {}
