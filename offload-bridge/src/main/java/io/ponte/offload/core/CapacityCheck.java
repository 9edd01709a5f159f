package io.ponte.offload.core;

import io.ponte.offload.spi.NodeCapacity;

/** Refuses a pod that asks for more than one job can ever get, instead of leaving it queued forever. */
final class CapacityCheck {
    private CapacityCheck() {}

    static void check(JobResources asked, NodeCapacity capacity) {
        asked.cpus()
                .filter(c -> c > capacity.cpusPerJob())
                .ifPresent(c -> refuse(c + " CPUs", capacity.cpusPerJob() + " CPUs", capacity));
        asked.memoryMb()
                .filter(m -> m > capacity.memoryMbPerJob())
                .ifPresent(m -> refuse(m + " MiB of memory", capacity.memoryMbPerJob() + " MiB", capacity));
        asked.gpus()
                .filter(g -> g > capacity.gpusPerJob())
                .ifPresent(g -> refuse(g + " GPUs", capacity.gpusPerJob() + " GPUs", capacity));
    }

    private static void refuse(String asked, String most, NodeCapacity capacity) {
        throw new PodRejectedException("the pod asks for " + asked + " but " + capacity.where() + " offers at most "
                + most + " to one job; lower the containers' resource limits");
    }
}
