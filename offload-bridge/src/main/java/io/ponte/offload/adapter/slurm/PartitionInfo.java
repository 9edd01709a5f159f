package io.ponte.offload.adapter.slurm;

/**
 * What one Slurm partition offers.
 *
 * @param name the partition name
 * @param nodes number of nodes
 * @param cpusPerNode CPUs of the largest node
 * @param memoryMbPerNode memory (MB) of the largest node
 * @param gpusPerNode GPUs ({@code gres/gpu}) of the largest node, 0 when none
 * @param maxTimeMinutes the partition's time limit in minutes, or -1 for none
 */
public record PartitionInfo(
        String name, int nodes, int cpusPerNode, long memoryMbPerNode, int gpusPerNode, long maxTimeMinutes) {}
