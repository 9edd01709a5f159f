package io.ponte.cli.stack;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/** The end of a log file, and what is appended to it afterwards. */
public final class LogTail {
    private static final int CHUNK = 8192;

    private LogTail() {}

    /**
     * The last lines of a file and where the file ended when they were read.
     *
     * @param lines the lines, without their line breaks
     * @param end the file's size in bytes; {@link #follow} from here prints what came after
     */
    public record Tail(List<String> lines, long end) {}

    /** The last {@code count} lines of the file, read from its end. */
    public static List<String> lastLines(Path file, int count) throws IOException {
        return tail(file, count).lines();
    }

    /** The last {@code count} lines of the file and its size when they were read. */
    public static Tail tail(Path file, int count) throws IOException {
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            long size = channel.size();
            if (count <= 0) {
                return new Tail(List.of(), size);
            }
            long end = size > 0 && read(channel, size - 1, 1).get(0) == '\n' ? size - 1 : size;
            long start = startOfLastLines(channel, end, count);
            String text = new String(read(channel, start, (int) (end - start)).array(), StandardCharsets.UTF_8);
            List<String> lines = text.isEmpty() && end == size ? List.of() : List.of(text.split("\n", -1));
            return new Tail(lines, size);
        }
    }

    /** Prints the whole file and returns the number of bytes printed. */
    public static long printAll(Path file, PrintWriter out) throws IOException {
        try (SeekableByteChannel channel = Files.newByteChannel(file);
                Reader reader = Channels.newReader(channel, StandardCharsets.UTF_8)) {
            reader.transferTo(out);
            out.flush();
            return channel.position();
        }
    }

    private static long startOfLastLines(SeekableByteChannel channel, long end, int count) throws IOException {
        int newlines = 0;
        long position = end;
        while (position > 0) {
            int length = (int) Math.min(CHUNK, position);
            position -= length;
            ByteBuffer chunk = read(channel, position, length);
            for (int i = length - 1; i >= 0; i--) {
                if (chunk.get(i) == '\n' && ++newlines == count) {
                    return position + i + 1;
                }
            }
        }
        return 0;
    }

    private static ByteBuffer read(SeekableByteChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        channel.position(position);
        while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
            // keep reading until the buffer is full or the file ends
        }
        return buffer.flip();
    }

    /**
     * Prints every complete line appended to the file after byte {@code from}, until {@code
     * keepGoing} says stop. When the file is replaced (a new {@code ponte up} rotates it) or
     * truncated, it starts again from the new file's beginning.
     */
    public static void follow(Path file, long from, PrintWriter out, BooleanSupplier keepGoing, Duration poll)
            throws IOException, InterruptedException {
        long position = from;
        Object identity = identity(file);
        while (keepGoing.getAsBoolean()) {
            Object current = identity(file);
            long size = current == null ? 0 : Files.size(file);
            if (!Objects.equals(current, identity) || size < position) {
                identity = current;
                position = 0;
            }
            long printed = size > position ? printLines(file, position, size, out) : 0;
            position += printed;
            if (printed == 0) {
                Thread.sleep(poll);
            }
        }
    }

    private static long printLines(Path file, long from, long to, PrintWriter out) throws IOException {
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            byte[] bytes =
                    read(channel, from, (int) Math.min(to - from, 1 << 20)).array();
            int complete = lastIndexOf(bytes, (byte) '\n') + 1;
            if (complete == 0 && bytes.length == 1 << 20) {
                complete = bytes.length; // a megabyte without a line break: print it anyway
            }
            out.print(new String(bytes, 0, complete, StandardCharsets.UTF_8));
            out.flush();
            return complete;
        }
    }

    private static int lastIndexOf(byte[] bytes, byte value) {
        for (int i = bytes.length - 1; i >= 0; i--) {
            if (bytes[i] == value) {
                return i;
            }
        }
        return -1;
    }

    private static Object identity(Path file) throws IOException {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return attributes.fileKey() != null ? attributes.fileKey() : attributes.creationTime();
        } catch (NoSuchFileException e) {
            return null;
        }
    }
}
