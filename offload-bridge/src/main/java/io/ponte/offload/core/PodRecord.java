package io.ponte.offload.core;

import java.util.List;
import java.util.Map;

/**
 * A pod the bridge runs, as kept in memory and re-read from its working directory after a restart.
 *
 * @param uid the pod's uid
 * @param namespace its namespace
 * @param name its name
 * @param dir its working directory
 * @param jobId the scheduler's job id
 * @param initContainers init container names, in order
 * @param containers container names, in order
 * @param images container name → image reference
 */
public record PodRecord(
        String uid,
        String namespace,
        String name,
        PodDirectory dir,
        String jobId,
        List<String> initContainers,
        List<String> containers,
        Map<String, String> images) {

    /** Whether the pod has a container (init or not) of this name. */
    public boolean hasContainer(String container) {
        return initContainers.contains(container) || containers.contains(container);
    }
}
