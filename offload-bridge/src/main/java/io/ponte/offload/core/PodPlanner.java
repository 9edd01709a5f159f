package io.ponte.offload.core;

import static io.ponte.offload.core.EnvResolver.nullSafe;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.ponte.offload.spi.ContainerRuntime;
import io.ponte.offload.spi.ImageCatalog;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a create request into a {@link PodPlan}: checks the pod, picks the container runtime
 * (annotation {@code ponte.io/runtime}, else configuration), writes the volumes into the pod's
 * working directory, resolves images and environments, and merges the scheduler flags.
 */
public final class PodPlanner {
    private final PlannerSettings settings;
    private final Runtimes runtimes;
    private final ImageCatalog images;
    private final FlagPlanner flagPlanner;

    public PodPlanner(PlannerSettings settings, Runtimes runtimes, ImageCatalog images) {
        this.settings = settings;
        this.runtimes = runtimes;
        this.images = images;
        this.flagPlanner = new FlagPlanner(settings);
    }

    /** The working directory of the request's pod, after checking its identity fields. */
    public PodDirectory directoryOf(Pod pod) {
        PodIdentity.check(pod);
        return PodDirectory.of(
                settings.root(),
                pod.getMetadata().getNamespace(),
                pod.getMetadata().getUid());
    }

    /** Checks the request and prepares the pod's working directory (volumes, container directories). */
    public PodPlan plan(PodRequest request) {
        Pod pod = request.pod();
        PodDirectory dir = directoryOf(pod);
        if (pod.getSpec() == null || nullSafe(pod.getSpec().getContainers()).isEmpty()) {
            throw new InvalidRequestException(
                    "spec.containers is missing or empty: a pod needs at least one container");
        }
        Map<String, String> annotations = nullSafe(pod.getMetadata().getAnnotations());
        String runtimeName = Optional.ofNullable(annotations.get(Annotations.RUNTIME))
                .filter(s -> !s.isBlank())
                .map(String::trim)
                .orElse(settings.defaultRuntime());
        ContainerRuntime runtime = runtimes.require(
                runtimeName,
                annotations.containsKey(Annotations.RUNTIME)
                        ? "annotation " + Annotations.RUNTIME
                        : "configuration ponte.offload.runtime");
        checkNames(pod);
        VolumeMaterializer materializer = new VolumeMaterializer(request, dir, settings.hostPaths());
        Map<String, Boolean> volumes = materializer.materialise();
        ContainerPlanner containers = new ContainerPlanner(
                request, dir, runtime, images, volumes, materializer.hostPaths(), imageRoot(annotations));
        List<ContainerPlan> init = new ArrayList<>();
        for (Container c : nullSafe(pod.getSpec().getInitContainers())) {
            init.add(containers.plan(c, "spec.initContainers"));
        }
        List<ContainerPlan> main = new ArrayList<>();
        for (Container c : pod.getSpec().getContainers()) {
            main.add(containers.plan(c, "spec.containers"));
        }
        JobResources resources = JobResources.of(pod.getSpec());
        return new PodPlan(
                request,
                dir,
                runtime.name(),
                init,
                main,
                resources,
                flagPlanner.flags(annotations, resources),
                nonBlank(annotations.get(Annotations.PRE_EXEC)),
                nonBlank(annotations.get(Annotations.WSTUNNEL_COMMANDS)));
    }

    private Optional<String> imageRoot(Map<String, String> annotations) {
        return nonBlank(annotations.get(Annotations.IMAGE_ROOT));
    }

    private static void checkNames(Pod pod) {
        Set<String> seen = new HashSet<>();
        List<Container> all = new ArrayList<>(nullSafe(pod.getSpec().getInitContainers()));
        all.addAll(pod.getSpec().getContainers());
        for (Container c : all) {
            PodDirectory.requireSafe("container name", c.getName());
            if (!seen.add(c.getName())) {
                throw new PodRejectedException("container name '" + c.getName() + "' is used twice in the pod");
            }
        }
    }

    private static Optional<String> nonBlank(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s);
    }
}
