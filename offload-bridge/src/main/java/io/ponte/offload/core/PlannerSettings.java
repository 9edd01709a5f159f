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
 */
public record PlannerSettings(
        Path root,
        String defaultRuntime,
        Map<String, Flavor> flavors,
        Optional<String> defaultFlavor,
        List<String> baseFlags) {}
