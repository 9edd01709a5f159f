package io.ponte.offload.spi;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a {@link ContainerRuntime} needs to run one container.
 *
 * @param podName the pod's name (for hostnames and log lines)
 * @param containerName the container's name
 * @param image where the image lives here (see {@link ImageCatalog})
 * @param command the container's {@code command}; empty means the image's entrypoint
 * @param args the container's {@code args}; empty (with an empty command) means the image's cmd
 * @param env the resolved environment in spec order (later duplicates win, as in Kubernetes)
 * @param mounts bind mounts: volumes materialised under the pod's working directory
 * @param workingDir the container's {@code workingDir}, if set
 * @param runtimeOptions extra runtime flags from configuration or annotations (e.g.
 *     {@code slurm-job.vk.io/singularity-options}), already split into words
 * @param scratchDir a per-container directory on the host the runtime may use (overlays, tmp)
 */
public record ContainerLaunch(
        String podName,
        String containerName,
        ResolvedImage image,
        List<String> command,
        List<String> args,
        List<Map.Entry<String, String>> env,
        List<Mount> mounts,
        Optional<String> workingDir,
        List<String> runtimeOptions,
        Path scratchDir) {

    /** A bind mount of a host path into the container. */
    public record Mount(Path hostPath, String containerPath, boolean readOnly) {}
}
