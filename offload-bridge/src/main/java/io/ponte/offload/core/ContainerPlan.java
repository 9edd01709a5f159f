package io.ponte.offload.core;

import java.util.List;
import java.util.Optional;

/**
 * One container, ready for the job script.
 *
 * @param name the container's name
 * @param image the image reference the pod asked for
 * @param imageId where the image lives here (rootfs, tag, SIF, URI), empty for none
 * @param commandLine the runtime's command line, every word quoted
 * @param memoryKb the container's memory limit in KiB, enforced by the script as a data-size limit
 * @param postStart the postStart hook's command line, run beside the container once it started
 * @param preStop the preStop hook's command line, run when the pod is deleted
 * @param probes the container's probes, executed by the job script
 * @param note a note for status messages, e.g. that the image is a local stand-in or not used
 */
public record ContainerPlan(
        String name,
        String image,
        String imageId,
        String commandLine,
        Optional<Long> memoryKb,
        Optional<String> postStart,
        Optional<String> preStop,
        List<ProbePlan> probes,
        Optional<String> note) {}
