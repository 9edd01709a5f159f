package io.ponte.offload.core;

import java.util.List;
import java.util.Optional;

/**
 * A named resource bundle from configuration, picked by the {@code slurm-job.vk.io/flavor}
 * annotation.
 *
 * @param name its name
 * @param cpus CPUs per task
 * @param memoryMb memory in MiB
 * @param gpus GPUs
 * @param flags raw scheduler flags
 */
public record Flavor(
        String name, Optional<Integer> cpus, Optional<Long> memoryMb, Optional<Integer> gpus, List<String> flags) {}
