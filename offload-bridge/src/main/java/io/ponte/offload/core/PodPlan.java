package io.ponte.offload.core;

import java.util.List;
import java.util.Optional;

/**
 * A pod turned into one job: what the job script runs and what the scheduler is asked for.
 *
 * @param request the request it came from
 * @param dir its working directory
 * @param runtime the container runtime's name
 * @param initContainers run one after the other, fail-fast
 * @param containers run together once the init containers succeeded
 * @param resources what the pod asks for
 * @param schedulerFlags scheduler flags after precedence
 * @param preExec shell code run first (annotation {@code slurm-job.vk.io/pre-exec})
 * @param tunnelCommands shell code started in the background before the containers
 *     ({@code interlink.eu/wstunnel-client-commands})
 */
public record PodPlan(
        PodRequest request,
        PodDirectory dir,
        String runtime,
        List<ContainerPlan> initContainers,
        List<ContainerPlan> containers,
        JobResources resources,
        List<String> schedulerFlags,
        Optional<String> preExec,
        Optional<String> tunnelCommands) {}
