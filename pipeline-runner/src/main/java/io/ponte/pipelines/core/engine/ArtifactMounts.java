package io.ponte.pipelines.core.engine;

import io.ponte.pipelines.core.placeholder.ArtifactValue;
import io.ponte.pipelines.spi.TaskLaunch.Mount;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bind mounts of an attempt for runtimes with their own filesystem: the ExecutorOutput
 * directory at {@code /tmp/kfp_outputs}, each staged input artifact read-only at the path KFP
 * derives from its URI ({@link UriPaths}), and the output artifact directory at the path derived
 * from the task's output prefix, so that an output written to {@code /s3/<bucket>/<prefix>/<name>}
 * lands in {@code outputs/artifacts/<name>} and is uploaded to {@code s3://<bucket>/<prefix>/<name>}.
 */
final class ArtifactMounts {

    private ArtifactMounts() {}

    static List<Mount> of(Path dir, LaunchRequest req, StagedInputs inputs, StagedOutputs outputs) {
        Map<String, Mount> byTarget = new LinkedHashMap<>();
        add(byTarget, new Mount(dir.resolve("kfp_outputs"), "/tmp/kfp_outputs", false));
        if (!outputs.artifacts().isEmpty()) {
            UriPaths.localPath(StagedOutputs.taskPrefix(req))
                    .ifPresent(p -> add(byTarget, new Mount(dir.resolve("outputs/artifacts"), p, false)));
        }
        for (List<ArtifactValue> values : inputs.values().values()) {
            for (ArtifactValue v : values) {
                Path local = Path.of(v.path());
                if (Files.exists(local)) {
                    UriPaths.localPath(v.uri()).ifPresent(p -> add(byTarget, new Mount(local, p, true)));
                }
            }
        }
        return new ArrayList<>(byTarget.values());
    }

    private static void add(Map<String, Mount> byTarget, Mount m) {
        byTarget.putIfAbsent(m.containerPath(), m);
    }
}
