package io.ponte.offload.core;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Reads a container's log with the kubelet's options, in the kubelet's order: lines since a time,
 * then the last N of them, each with its timestamp if asked, then cut at the byte limit. With
 * {@code follow}, {@link #cursor} continues where the first read stopped.
 */
public final class LogReader {
    private LogReader() {}

    /** The log as one answer, plus a cursor positioned after it for following. */
    public static LogCursor open(PodRecord pod, String container, LogOptions options) {
        if (!pod.hasContainer(container)) {
            throw new UnknownPodException("pod " + pod.namespace() + "/" + pod.name() + " has no container named '"
                    + container + "'; it has " + String.join(", ", all(pod)));
        }
        if (options.previous()) {
            throw new PodRejectedException("previous terminated container \"" + container + "\" in pod \"" + pod.name()
                    + "\" not found: containers of offloaded pods are never restarted");
        }
        PodDirectory dir = pod.dir();
        List<LogLines.Line> lines;
        try {
            lines = LogLines.read(dir.log(container), dir.logTimes(container), 0, 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the log of " + container, e);
        }
        int count = lines.size();
        long offset = lines.stream().mapToLong(l -> l.bytes().length).sum();
        if (options.follow() && count > 0 && !lines.get(count - 1).complete()) {
            offset -= lines.get(count - 1).bytes().length; // a partial last line is sent once it is complete
            lines = lines.subList(0, count - 1);
            count--;
        }
        if (options.since().isPresent()) {
            lines = lines.stream()
                    .filter(l -> !l.time().isBefore(options.since().get()))
                    .toList();
        }
        int tail = options.tail().orElse(0);
        if (tail > 0 && lines.size() > tail) {
            lines = lines.subList(lines.size() - tail, lines.size());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (LogLines.Line line : lines) {
            out.writeBytes(LogLines.render(line, options.timestamps()));
        }
        LogCursor cursor = new LogCursor(dir.log(container), dir.logTimes(container), offset, count, options);
        return cursor.first(out.toByteArray());
    }

    private static List<String> all(PodRecord pod) {
        return java.util.stream.Stream.concat(pod.initContainers().stream(), pod.containers().stream())
                .toList();
    }
}
