package io.ponte.pipelines.adapter.offload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ponte.pipelines.spi.TaskResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;

/**
 * How a pod ended, written to the attempt's work directory (on the site's shared filesystem) by
 * the follower that saw the end, after the log was copied and before the pod is deleted on the
 * plugin. Several followers of one pod are normal: a runner re-attaching after a restart, or one
 * taking a run over while the previous holder still polls. Whoever comes after the deletion finds
 * the pod unknown to the plugin and reads the end here instead of reporting the attempt lost.
 *
 * <p>Written whole (a temporary file moved into place), and tied to the pod's UID so that an end
 * left by another pod in the same directory is never taken for this one's.
 */
record PodEnd(Path file, String podUid) {
    static final String NAME = ".ponte-offload-end.json";

    static PodEnd in(Path workDir, String podUid) {
        return new PodEnd(workDir.resolve(NAME), podUid);
    }

    /** Records the end; a failure to write only costs later followers the result, so it is reported, not thrown. */
    Optional<String> write(TaskResult result) {
        ObjectNode json = PluginClient.JSON.createObjectNode();
        json.put("podUid", podUid);
        json.put("exitCode", result.exitCode());
        json.put("cancelled", result.cancelled());
        result.reason().ifPresent(r -> json.put("reason", r));
        result.startedAt().ifPresent(s -> json.put("startedAt", s.toString()));
        json.put("finishedAt", result.finishedAt().toString());
        try {
            Path tmp = Files.createTempFile(file.getParent(), NAME, ".tmp");
            Files.writeString(tmp, json.toString(), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return Optional.empty();
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.of("the end of pod " + podUid + " could not be recorded: " + e.getMessage());
        }
    }

    /** The recorded end of this pod, if one was written. */
    Optional<TaskResult> read() {
        try {
            JsonNode json = PluginClient.JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
            if (!podUid.equals(json.path("podUid").asText())) {
                return Optional.empty();
            }
            return Optional.of(new TaskResult(
                    json.path("exitCode").asInt(-1),
                    json.path("cancelled").asBoolean(false),
                    Optional.ofNullable(json.get("reason")).map(JsonNode::asText),
                    Optional.ofNullable(json.get("startedAt")).map(n -> Instant.parse(n.asText())),
                    Instant.parse(json.path("finishedAt").asText())));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
