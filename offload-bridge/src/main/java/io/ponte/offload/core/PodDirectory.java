package io.ponte.offload.core;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The layout of one pod's working directory, {@code <root>/<namespace>-<uid>/}:
 *
 * <pre>
 * pod.json                 the create request as received
 * job.sh                   the job script
 * job.id                   the scheduler's job id (written once the job was submitted)
 * job.out                  the job's own output (scheduler banners; never a container's log)
 * job.exit                 the job script's exit code, written when it ends
 * deleted                  present once the pod was deleted
 * volumes/NAME/            one directory per pod volume
 * containers/NAME/log      the container's stdout and stderr, byte for byte
 * containers/NAME/log.times  one time (epoch seconds) per line of log
 * containers/NAME/started  when it started; exit: its exit code; finished: when it ended
 * containers/NAME/tmp/     the container's /tmp, shared with its hooks and probes
 * </pre>
 */
public record PodDirectory(Path path) {

    private static final Pattern SAFE = Pattern.compile("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?");

    /** The directory of a pod, after checking that namespace and uid are plain names. */
    public static PodDirectory of(Path root, String namespace, String uid) {
        requireSafe("metadata.namespace", namespace);
        requireSafe("metadata.uid", uid);
        return new PodDirectory(root.resolve(namespace + "-" + uid));
    }

    /** Fails unless {@code value} can be a single path element: lowercase letters, digits, '-' and '.'. */
    public static void requireSafe(String field, String value) {
        if (value == null || value.isEmpty()) {
            throw new InvalidRequestException(field + " is missing");
        }
        if (!SAFE.matcher(value).matches()) {
            throw new PodRejectedException(field + " '" + value
                    + "' is not a valid name (lowercase letters, digits, '-' and '.', at most 253 characters)");
        }
    }

    public Path request() {
        return path.resolve("pod.json");
    }

    public Path script() {
        return path.resolve("job.sh");
    }

    public Path jobId() {
        return path.resolve("job.id");
    }

    public Path jobOutput() {
        return path.resolve("job.out");
    }

    public Path jobExit() {
        return path.resolve("job.exit");
    }

    public Path deletedMarker() {
        return path.resolve("deleted");
    }

    public Path volume(String name) {
        return path.resolve("volumes").resolve(name);
    }

    public Path container(String name) {
        return path.resolve("containers").resolve(name);
    }

    public Path log(String container) {
        return container(container).resolve("log");
    }

    public Path logTimes(String container) {
        return container(container).resolve("log.times");
    }

    public Path started(String container) {
        return container(container).resolve("started");
    }

    public Path exit(String container) {
        return container(container).resolve("exit");
    }

    public Path finished(String container) {
        return container(container).resolve("finished");
    }

    public Path ready(String container) {
        return container(container).resolve("ready");
    }

    public Path tmp(String container) {
        return container(container).resolve("tmp");
    }
}
