package io.ponte.offload.core;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * A position in a container's log: {@link #first()} is what a plain request answers; {@link
 * #next(boolean)} returns the complete lines written since (and, once the container has ended,
 * the partial last line too), honouring the byte limit across the whole stream.
 */
public final class LogCursor {
    private final Path log;
    private final Path times;
    private final LogOptions options;
    private long offset;
    private int index;
    private long remaining;
    private byte[] first = new byte[0];

    LogCursor(Path log, Path times, long offset, int index, LogOptions options) {
        this.log = log;
        this.times = times;
        this.offset = offset;
        this.index = index;
        this.options = options;
        this.remaining = options.limitBytes().filter(b -> b > 0).orElse(Long.MAX_VALUE);
    }

    LogCursor first(byte[] bytes) {
        this.first = limit(bytes);
        return this;
    }

    /** The answer to the request as it stood when it arrived. */
    public byte[] first() {
        return first;
    }

    /** Whether the byte limit has been reached, so nothing more will be sent. */
    public boolean exhausted() {
        return remaining <= 0;
    }

    /** New output since the last call; with {@code ended}, everything up to the end of the file. */
    public byte[] next(boolean ended) {
        if (exhausted()) {
            return new byte[0];
        }
        List<LogLines.Line> lines;
        try {
            lines = LogLines.read(log, times, offset, index);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (LogLines.Line line : lines) {
            if (!line.complete() && !ended) {
                break;
            }
            offset += line.bytes().length;
            index++;
            if (options.since().isEmpty()
                    || !line.time().isBefore(options.since().get())) {
                out.writeBytes(LogLines.render(line, options.timestamps()));
            }
        }
        return limit(out.toByteArray());
    }

    private byte[] limit(byte[] bytes) {
        if (bytes.length <= remaining) {
            remaining -= bytes.length;
            return bytes;
        }
        byte[] cut = Arrays.copyOf(bytes, (int) remaining);
        remaining = 0;
        return cut;
    }
}
