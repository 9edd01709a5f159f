package io.ponte.pipelines.core.engine;

import io.ponte.pipelines.core.PipelineException;
import io.ponte.pipelines.core.PipelineException.Kind;
import io.ponte.pipelines.spi.AttemptRecord;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Opens the log of an attempt: the stored copy once it ended, the local file (followed) while it runs. */
final class AttemptLogs {

    private final EngineContext ctx;

    AttemptLogs(EngineContext ctx) {
        this.ctx = ctx;
    }

    InputStream open(
            String runId, String taskPath, List<AttemptRecord> all, Optional<Integer> attempt, boolean follow) {
        AttemptRecord a = attempt.map(n -> all.stream()
                        .filter(x -> x.attempt() == n)
                        .findFirst()
                        .orElseThrow(() -> new PipelineException(
                                Kind.NOT_FOUND, null, "task " + taskPath + " has no attempt " + n)))
                .or(() -> all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1)))
                .orElseThrow(
                        () -> new PipelineException(Kind.NOT_FOUND, null, "task " + taskPath + " has not started"));
        try {
            Path file = ctx.launcher().attemptDir(runId, taskPath, a.attempt()).resolve("attempt.log");
            if (a.state().isFinal() && a.logUri().isPresent()) {
                Optional<InputStream> stored = ctx.objects().open(a.logUri().get());
                if (stored.isPresent()) {
                    return stored.get();
                }
                // Uploaded in the background after the attempt ended: the local file until then.
                return Files.isRegularFile(file)
                        ? new FollowingInputStream(file, false, () -> true)
                        : InputStream.nullInputStream();
            }
            return new FollowingInputStream(file, follow, () -> ended(runId, taskPath, a.attempt()));
        } catch (IOException e) {
            throw new PipelineException(Kind.UNAVAILABLE, null, "cannot read the log: " + e.getMessage(), e);
        }
    }

    private boolean ended(String runId, String taskPath, int attempt) {
        return ctx.store().attempts(runId, taskPath).stream()
                .filter(x -> x.attempt() == attempt)
                .anyMatch(x -> x.state().isFinal());
    }
}
