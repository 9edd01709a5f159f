package io.ponte.offload.core;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A pod's scheduler flags, merged by precedence (later wins):
 *
 * <ol>
 *   <li>the bridge's base flags from configuration (partition, account);
 *   <li>the flavor ({@code slurm-job.vk.io/flavor}, else the configured default): its resources,
 *       then its raw flags;
 *   <li>the {@code slurm-job.vk.io/flags} annotation;
 *   <li>what the containers' resource limits derive: {@code --cpus-per-task}, {@code --mem},
 *       {@code --gres=gpu:N}.
 * </ol>
 */
final class FlagPlanner {
    private final PlannerSettings settings;

    FlagPlanner(PlannerSettings settings) {
        this.settings = settings;
    }

    List<String> flags(Map<String, String> annotations, JobResources resources) {
        SchedulerFlags flags = new SchedulerFlags().apply("configuration", settings.baseFlags());
        flavor(annotations).ifPresent(f -> {
            String source = "flavor " + f.name();
            f.cpus().ifPresent(c -> flags.set(source, "cpus-per-task", c.toString()));
            f.memoryMb().ifPresent(m -> flags.set(source, "mem", m + "M"));
            f.gpus().filter(g -> g > 0).ifPresent(g -> flags.set(source, "gres", "gpu:" + g));
            flags.apply(source, f.flags());
        });
        String raw = annotations.get(Annotations.FLAGS);
        if (raw != null) {
            flags.apply("annotation " + Annotations.FLAGS, Words.split(Annotations.FLAGS, raw));
        }
        String derived = "the containers' resource limits";
        resources.cpus().ifPresent(c -> flags.set(derived, "cpus-per-task", c.toString()));
        resources.memoryMb().ifPresent(m -> flags.set(derived, "mem", m + "M"));
        resources.gpus().ifPresent(g -> flags.set(derived, "gres", "gpu:" + g));
        return flags.words();
    }

    private Optional<Flavor> flavor(Map<String, String> annotations) {
        String name = annotations.get(Annotations.FLAVOR);
        if (name == null || name.isBlank()) {
            return settings.defaultFlavor().map(this::flavorNamed);
        }
        return Optional.of(flavorNamed(name.trim()));
    }

    private Flavor flavorNamed(String name) {
        Flavor flavor = settings.flavors().get(name);
        if (flavor == null) {
            throw new PodRejectedException("annotation " + Annotations.FLAVOR + " names flavor '" + name
                    + "', which is not configured here; configured flavors: "
                    + settings.flavors().keySet());
        }
        return flavor;
    }
}
