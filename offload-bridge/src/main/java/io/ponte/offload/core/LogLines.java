package io.ponte.offload.core;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A container's log as lines with times: the bytes of {@code log} (exactly as the container wrote
 * them) split after each newline, the i-th line paired with the i-th time of {@code log.times}.
 * The job script writes a time when it reads each line off the container's pipe, so a line's time
 * is when it was written (to within the pipe's buffering). A line without a time yet (the stamper
 * lags by a few microseconds) gets the log file's modification time.
 */
final class LogLines {
    static final DateTimeFormatter RFC3339_NANO =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

    record Line(byte[] bytes, Instant time) {
        boolean complete() {
            return bytes.length > 0 && bytes[bytes.length - 1] == '\n';
        }
    }

    private LogLines() {}

    /** Lines starting at byte {@code offset} of the log, which must be the start of a line numbered {@code index}. */
    static List<Line> read(Path log, Path times, long offset, int index) throws IOException {
        byte[] bytes = readFrom(log, offset);
        List<Instant> stamps = times(times);
        Instant fallback = modified(log);
        List<Line> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                lines.add(line(bytes, start, i + 1, stamps, index + lines.size(), fallback));
                start = i + 1;
            }
        }
        if (start < bytes.length) {
            lines.add(line(bytes, start, bytes.length, stamps, index + lines.size(), fallback));
        }
        return lines;
    }

    static byte[] render(Line line, boolean timestamps) {
        if (!timestamps) {
            return line.bytes();
        }
        byte[] prefix = (RFC3339_NANO.format(line.time()) + " ").getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream out = new ByteArrayOutputStream(prefix.length + line.bytes().length);
        out.writeBytes(prefix);
        out.writeBytes(line.bytes());
        return out.toByteArray();
    }

    private static Line line(byte[] bytes, int from, int to, List<Instant> stamps, int index, Instant fallback) {
        byte[] copy = java.util.Arrays.copyOfRange(bytes, from, to);
        return new Line(copy, index < stamps.size() ? stamps.get(index) : fallback);
    }

    private static byte[] readFrom(Path log, long offset) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long length = file.length();
            if (offset >= length) {
                return new byte[0];
            }
            byte[] bytes = new byte[Math.toIntExact(length - offset)];
            file.seek(offset);
            file.readFully(bytes);
            return bytes;
        } catch (java.io.FileNotFoundException e) {
            return new byte[0];
        }
    }

    private static List<Instant> times(Path times) throws IOException {
        List<Instant> out = new ArrayList<>();
        try {
            for (String s : Files.readAllLines(times, StandardCharsets.US_ASCII)) {
                Optional<Instant> t = EpochFiles.parseTime(s);
                out.add(t.orElse(Instant.EPOCH));
            }
        } catch (NoSuchFileException e) {
            // no line stamped yet
        }
        return out;
    }

    private static Instant modified(Path log) {
        try {
            return Files.getLastModifiedTime(log).toInstant();
        } catch (IOException e) {
            return Instant.now();
        }
    }
}
