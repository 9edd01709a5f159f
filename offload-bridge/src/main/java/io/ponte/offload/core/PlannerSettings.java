package io.ponte.offload.core;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the {@link PodPlanner} takes from configuration.
 *
 * @param root the directory holding the pods' working directories
 * @param defaultRuntime the runtime used unless the pod names one
 * @param flavors named resource bundles
 * @param defaultFlavor the flavor for pods that name none
 * @param baseFlags scheduler flags every job gets first (partition, account)
 * @param hostPaths which hostPath volumes pods may mount
 */
public record PlannerSettings(
        Path root,
        String defaultRuntime,
        Map<String, Flavor> flavors,
        Optional<String> defaultFlavor,
        List<String> baseFlags,
        HostPathPolicy hostPaths) {

    /** Settings that refuse every hostPath volume. */
    public PlannerSettings(
            Path root,
            String defaultRuntime,
            Map<String, Flavor> flavors,
            Optional<String> defaultFlavor,
            List<String> baseFlags) {
        this(root, defaultRuntime, flavors, defaultFlavor, baseFlags, HostPathPolicy.none());
    }
}
