package io.ponte.offload.core;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import java.util.List;

/**
 * One pod's status as interLink wants it.
 *
 * @param name the pod's name
 * @param uid its uid
 * @param namespace its namespace
 * @param jobId the scheduler's job id
 * @param initContainers one status per init container, in order
 * @param containers one status per container, in order (never empty: interLink reads an empty list as Succeeded)
 */
public record PodStatusView(
        String name,
        String uid,
        String namespace,
        String jobId,
        List<ContainerStatus> initContainers,
        List<ContainerStatus> containers) {}
