package io.ponte.offload.adapter.runtime;

import io.ponte.offload.core.script.Shell;
import io.ponte.offload.spi.ContainerLaunch;
import io.ponte.offload.spi.ContainerLaunch.Mount;
import io.ponte.offload.spi.ContainerRuntime;
import io.ponte.offload.spi.ResolvedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs a container with Apptainer, what production HPC sites run ({@link SingularityRuntime} for
 * SingularityCE).
 *
 * <p>{@code exec} when the pod sets {@code command} (or the catalog describes the image's
 * ENTRYPOINT/CMD), {@code run} otherwise so that the image's runscript (its ENTRYPOINT) receives the
 * {@code args}. The image is a SIF path, a sandbox directory or a URI such as {@code docker://…}
 * (see {@code slurm-job.vk.io/image-root}). Env values travel as {@code APPTAINERENV_NAME=VALUE}
 * words of {@code env} — byte-exact, unlike {@code --env}'s comma-separated list — and {@link
 * Options#options()} (by default {@code --cleanenv --no-home}) keep the job's own environment and
 * home out. Volumes are {@code --bind host:container[:ro]}. The pod's {@code
 * slurm-job.vk.io/singularity-options} and {@code -mounts} arrive as {@link
 * ContainerLaunch#runtimeOptions()} and are placed before the image.
 */
public class ApptainerRuntime implements ContainerRuntime {

    /**
     * How apptainer is called.
     *
     * @param binary the executable ({@code apptainer}, {@code singularity} or a full path)
     * @param options flags given to every {@code exec}/{@code run}, before the pod's own
     */
    public record Options(String binary, List<String> options) {
        public Options {
            Objects.requireNonNull(binary);
            options = List.copyOf(options);
        }
    }

    private final Options options;
    private final String name;
    private final String envPrefix;

    public ApptainerRuntime(Options options) {
        this(options, "apptainer", "APPTAINERENV_");
    }

    ApptainerRuntime(Options options, String name, String envPrefix) {
        this.options = options;
        this.name = name;
        this.envPrefix = envPrefix;
    }

    /** {@code apptainer} from PATH with {@code --cleanenv --no-home}. */
    public static Options defaults() {
        return new Options("apptainer", List.of("--cleanenv", "--no-home"));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean usesImage() {
        return true;
    }

    @Override
    public String commandLine(ContainerLaunch launch) {
        ResolvedImage image = launch.image();
        if (image.kind() == ResolvedImage.Kind.HOST || image.kind() == ResolvedImage.Kind.PODMAN_TAG) {
            throw new IllegalArgumentException(name + " runs SIF files, sandbox directories and image URIs; image '"
                    + image.reference() + "' is available here only as " + image.kind());
        }
        List<String> w = new ArrayList<>();
        var env = LaunchPlan.env(launch);
        if (!env.isEmpty()) {
            w.add("env");
            env.forEach((k, v) -> w.add(envPrefix + k + "=" + v));
        }
        boolean exec = !launch.command().isEmpty() || LaunchPlan.catalogDefinesEntrypoint(image);
        w.add(options.binary());
        w.add(exec ? "exec" : "run");
        w.addAll(options.options());
        LaunchPlan.workingDir(launch).ifPresent(dir -> w.addAll(List.of("--pwd", dir)));
        for (Mount m : LaunchPlan.mountsParentsFirst(launch)) {
            String spec = LaunchPlan.colonFree(m.hostPath().toString(), name) + ":"
                    + LaunchPlan.colonFree(m.containerPath(), name);
            w.addAll(List.of("--bind", m.readOnly() ? spec + ":ro" : spec));
        }
        w.addAll(launch.runtimeOptions());
        w.add(image.location());
        w.addAll(exec ? LaunchPlan.argv(launch) : launch.args());
        return Shell.join(w);
    }
}
