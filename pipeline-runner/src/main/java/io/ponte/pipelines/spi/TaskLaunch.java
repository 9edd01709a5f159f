package io.ponte.pipelines.spi;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One attempt of one task, with every placeholder already resolved.
 *
 * <p>Paths: the runner stages the attempt's inputs and outputs under {@link #workDir()} on this
 * host, and placeholders resolve to paths there. Runtimes with their own filesystem bind {@code
 * workDir} at the same path inside the container, and add {@link #mounts()} (e.g. the attempt's
 * {@code kfp_outputs} directory at {@code /tmp/kfp_outputs}). Executors whose tasks run elsewhere
 * (kubernetes, offload) move the staged files themselves and say how in their documentation.
 *
 * @param runId the run
 * @param taskPath the task's path in the DAG, e.g. {@code root/for-loop-2[3]/train}
 * @param attempt 1 for the first attempt
 * @param image the container image reference from the IR
 * @param command the resolved command (may be empty: the image's entrypoint)
 * @param args the resolved args
 * @param env the resolved environment, in IR order
 * @param resources what the IR asks for
 * @param workDir this attempt's staging directory on this host
 * @param mounts extra bind mounts for runtimes with their own filesystem
 * @param logFile where the attempt's combined stdout and stderr go, appended as they come
 * @param labels labels and annotations for the created objects (run id, task, attempt)
 * @param placement where to run, when the task or the run says (a Kueue queue, an HPC site)
 * @param timeout the attempt's deadline, if any
 */
public record TaskLaunch(
        String runId,
        String taskPath,
        int attempt,
        String image,
        List<String> command,
        List<String> args,
        Map<String, String> env,
        Resources resources,
        Path workDir,
        List<Mount> mounts,
        Path logFile,
        Map<String, String> labels,
        Optional<Placement> placement,
        Optional<Duration> timeout) {

    /** A bind mount of a host path into the task's container. */
    public record Mount(Path hostPath, String containerPath, boolean readOnly) {}

    /**
     * Resource requests and limits, as the IR gives them (KFP: {@code resources.cpuRequest},
     * {@code cpuLimit}, {@code memoryRequest}, {@code memoryLimit}, {@code accelerator}).
     *
     * @param cpuRequest e.g. "500m", "2"
     * @param cpuLimit e.g. "4"
     * @param memoryRequest e.g. "1G"
     * @param memoryLimit e.g. "16Gi"
     * @param acceleratorType e.g. "nvidia.com/gpu"
     * @param acceleratorCount number of accelerators, 0 for none
     */
    public record Resources(
            Optional<String> cpuRequest,
            Optional<String> cpuLimit,
            Optional<String> memoryRequest,
            Optional<String> memoryLimit,
            Optional<String> acceleratorType,
            int acceleratorCount) {

        public static Resources none() {
            return new Resources(
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 0);
        }
    }

    /**
     * Where a task runs when not on the default executor's default place.
     *
     * @param executor the executor name ({@code local}, {@code kubernetes}, {@code offload})
     * @param queue the Kueue LocalQueue (kubernetes)
     * @param priorityClass the priority class (kubernetes)
     * @param site a named offload site / interLink virtual node (from configuration)
     */
    public record Placement(
            String executor, Optional<String> queue, Optional<String> priorityClass, Optional<String> site) {}
}
