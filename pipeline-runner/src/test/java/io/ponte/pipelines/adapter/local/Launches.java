package io.ponte.pipelines.adapter.local;

import io.ponte.pipelines.spi.TaskLaunch;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Variations of a launch. */
final class Launches {
    private Launches() {}

    static TaskLaunch withImage(TaskLaunch l, String image) {
        return new TaskLaunch(
                l.runId(),
                l.taskPath(),
                l.attempt(),
                image,
                l.command(),
                l.args(),
                l.env(),
                l.resources(),
                l.workDir(),
                l.mounts(),
                l.logFile(),
                l.labels(),
                l.placement(),
                l.timeout());
    }

    static TaskLaunch withMounts(TaskLaunch l, List<TaskLaunch.Mount> mounts) {
        return new TaskLaunch(
                l.runId(),
                l.taskPath(),
                l.attempt(),
                l.image(),
                l.command(),
                l.args(),
                l.env(),
                l.resources(),
                l.workDir(),
                mounts,
                l.logFile(),
                l.labels(),
                l.placement(),
                l.timeout());
    }

    static TaskLaunch withTimeout(TaskLaunch l, Duration timeout) {
        return new TaskLaunch(
                l.runId(),
                l.taskPath(),
                l.attempt(),
                l.image(),
                l.command(),
                l.args(),
                l.env(),
                l.resources(),
                l.workDir(),
                l.mounts(),
                l.logFile(),
                l.labels(),
                l.placement(),
                Optional.of(timeout));
    }

    static TaskLaunch withCommand(TaskLaunch l, List<String> command, List<String> args) {
        return new TaskLaunch(
                l.runId(),
                l.taskPath(),
                l.attempt(),
                l.image(),
                command,
                args,
                l.env(),
                l.resources(),
                l.workDir(),
                l.mounts(),
                l.logFile(),
                l.labels(),
                l.placement(),
                l.timeout());
    }
}
