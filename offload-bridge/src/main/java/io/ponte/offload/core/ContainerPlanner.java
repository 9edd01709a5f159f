package io.ponte.offload.core;

import static io.ponte.offload.core.EnvResolver.nullSafe;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.LifecycleHandler;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.ponte.offload.spi.ContainerLaunch;
import io.ponte.offload.spi.ContainerRuntime;
import io.ponte.offload.spi.ImageCatalog;
import io.ponte.offload.spi.ResolvedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Plans one container: image, environment, mounts, command line, hooks and probes. */
final class ContainerPlanner {
    private final PodRequest request;
    private final PodDirectory dir;
    private final ContainerRuntime runtime;
    private final ImageCatalog images;
    private final Map<String, Boolean> volumes;
    private final Map<String, Path> hostPaths;
    private final Optional<String> imageRoot;
    private final EnvResolver env;

    ContainerPlanner(
            PodRequest request,
            PodDirectory dir,
            ContainerRuntime runtime,
            ImageCatalog images,
            Map<String, Boolean> volumes,
            Map<String, Path> hostPaths,
            Optional<String> imageRoot) {
        this.request = request;
        this.dir = dir;
        this.runtime = runtime;
        this.images = images;
        this.volumes = volumes;
        this.hostPaths = hostPaths;
        this.imageRoot = imageRoot;
        this.env = new EnvResolver(request);
    }

    ContainerPlan plan(Container c, String field) {
        String name = c.getName();
        if (c.getImage() == null || c.getImage().isBlank()) {
            throw new InvalidRequestException(field + "[" + name + "].image is missing");
        }
        ResolvedImage image = resolve(c.getImage());
        List<Map.Entry<String, String>> vars = env.resolve(c);
        Map<String, String> lookup = new LinkedHashMap<>();
        vars.forEach(e -> lookup.put(e.getKey(), e.getValue()));
        List<ContainerLaunch.Mount> mounts = mounts(c, lookup);
        createDirectories(name);
        ContainerLaunch main =
                launch(c, image, vars, mounts, expand(c.getCommand(), lookup), expand(c.getArgs(), lookup));
        Optional<String> note = image.standIn()
                .or(() -> runtime.usesImage()
                        ? Optional.empty()
                        : Optional.of("runtime " + runtime.name() + " runs the command on the host; image "
                                + c.getImage() + " is not used"));
        return new ContainerPlan(
                name,
                c.getImage(),
                image.location() == null ? "" : image.location(),
                runtime.commandLine(main),
                memoryKb(c),
                hook(
                        c,
                        image,
                        vars,
                        mounts,
                        c.getLifecycle() == null ? null : c.getLifecycle().getPostStart()),
                hook(
                        c,
                        image,
                        vars,
                        mounts,
                        c.getLifecycle() == null ? null : c.getLifecycle().getPreStop()),
                new ProbePlanner(c, cmd -> runtime.commandLine(launch(c, image, vars, mounts, cmd, List.of())))
                        .probes(),
                note);
    }

    /**
     * The image as this site has it. For apptainer/singularity a pod's {@code image-root} annotation
     * names where the image is (prefix + reference: a URI with a scheme, a SIF ending in {@code .sif},
     * an unpacked directory otherwise), as the upstream Slurm plugin does; otherwise the catalog
     * decides.
     */
    private ResolvedImage resolve(String reference) {
        boolean apptainer = runtime.name().equals("apptainer") || runtime.name().equals("singularity");
        if (apptainer && imageRoot.isPresent() && !reference.contains("://") && !reference.startsWith("/")) {
            String location = imageRoot.get() + reference;
            ResolvedImage.Kind kind = imageRoot.get().contains("://")
                    ? ResolvedImage.Kind.URI
                    : location.endsWith(".sif") ? ResolvedImage.Kind.SIF : ResolvedImage.Kind.ROOTFS;
            return new ResolvedImage(
                    reference, kind, location, List.of(), List.of(), Optional.empty(), Map.of(), Optional.empty());
        }
        return images.resolve(reference, runtime.name())
                .orElseThrow(() -> new PodRejectedException("image " + reference + " is not available on this site"
                        + " for container runtime " + runtime.name() + " (no registry is reachable from here; ask the"
                        + " site to add it to the image catalog, or use an image it has)"));
    }

    private ContainerLaunch launch(
            Container c,
            ResolvedImage image,
            List<Map.Entry<String, String>> vars,
            List<ContainerLaunch.Mount> mounts,
            List<String> command,
            List<String> args) {
        Map<String, String> annotations = nullSafe(request.pod().getMetadata().getAnnotations());
        List<String> options = new ArrayList<>(
                Words.split(Annotations.SINGULARITY_OPTIONS, annotations.get(Annotations.SINGULARITY_OPTIONS)));
        options.addAll(Words.split(Annotations.SINGULARITY_MOUNTS, annotations.get(Annotations.SINGULARITY_MOUNTS)));
        return new ContainerLaunch(
                request.pod().getMetadata().getName(),
                c.getName(),
                image,
                command,
                args,
                vars,
                mounts,
                Optional.ofNullable(c.getWorkingDir()).filter(s -> !s.isBlank()),
                options,
                dir.container(c.getName()).resolve("scratch"));
    }

    private Optional<String> hook(
            Container c,
            ResolvedImage image,
            List<Map.Entry<String, String>> vars,
            List<ContainerLaunch.Mount> mounts,
            LifecycleHandler handler) {
        if (handler == null
                || handler.getExec() == null
                || nullSafe(handler.getExec().getCommand()).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(runtime.commandLine(
                launch(c, image, vars, mounts, handler.getExec().getCommand(), List.of())));
    }

    private List<ContainerLaunch.Mount> mounts(Container c, Map<String, String> vars) {
        List<ContainerLaunch.Mount> mounts = new ArrayList<>();
        boolean tmpMounted = false;
        for (VolumeMount m : nullSafe(c.getVolumeMounts())) {
            Boolean readOnlyVolume = volumes.get(m.getName());
            if (readOnlyVolume == null) {
                throw new PodRejectedException(
                        "container " + c.getName() + ": volumeMount '" + m.getName() + "' names no volume of the pod");
            }
            if (m.getMountPath() == null || !m.getMountPath().startsWith("/")) {
                throw new PodRejectedException(
                        "container " + c.getName() + ": volumeMount '" + m.getName() + "' needs an absolute mountPath");
            }
            Path volumeRoot = hostPaths.getOrDefault(m.getName(), dir.volume(m.getName()));
            Path host = volumeRoot;
            String sub = m.getSubPathExpr() != null ? DollarExpansion.expand(m.getSubPathExpr(), vars) : m.getSubPath();
            if (sub != null && !sub.isEmpty()) {
                host = VolumeFiles.resolveInside(m.getName(), host, sub);
                boolean onHost = hostPaths.containsKey(m.getName());
                if (onHost) {
                    requireInside(c, m.getName(), sub, host, volumeRoot);
                }
                if (!Files.exists(host)) {
                    createDirectory(host);
                }
                if (onHost) {
                    requireInside(c, m.getName(), sub, host, volumeRoot);
                }
            }
            tmpMounted |= m.getMountPath().equals("/tmp");
            mounts.add(new ContainerLaunch.Mount(
                    host, m.getMountPath(), readOnlyVolume || Boolean.TRUE.equals(m.getReadOnly())));
        }
        if (!tmpMounted) {
            mounts.add(new ContainerLaunch.Mount(dir.tmp(c.getName()), "/tmp", false));
        }
        return mounts;
    }

    private void createDirectories(String container) {
        createDirectory(dir.tmp(container));
        createDirectory(dir.container(container).resolve("scratch"));
    }

    /** Refuses a subPath of a hostPath volume whose nearest existing part leads out of the volume. */
    private static void requireInside(Container c, String volume, String sub, Path path, Path volumeRoot) {
        Path existing = path;
        while (!Files.exists(existing)) {
            existing = existing.getParent();
        }
        try {
            if (existing.toRealPath().startsWith(volumeRoot)) {
                return;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resolve " + existing, e);
        }
        throw new PodRejectedException("container " + c.getName() + ": subPath '" + sub + "' of volume '" + volume
                + "' leaves the hostPath through a symbolic link");
    }

    private static void createDirectory(Path path) {
        try {
            Files.createDirectories(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> expand(List<String> words, Map<String, String> vars) {
        return nullSafe(words).stream()
                .map(w -> DollarExpansion.expand(w, vars))
                .toList();
    }

    private static Optional<Long> memoryKb(Container c) {
        if (c.getResources() == null || c.getResources().getLimits() == null) {
            return Optional.empty();
        }
        var q = c.getResources().getLimits().get("memory");
        if (q == null) {
            return Optional.empty();
        }
        BigDecimal bytes = q.getNumericalAmount();
        return Optional.of(bytes.divide(BigDecimal.valueOf(1024), 0, RoundingMode.CEILING)
                        .longValueExact())
                .filter(kb -> kb > 0);
    }
}
