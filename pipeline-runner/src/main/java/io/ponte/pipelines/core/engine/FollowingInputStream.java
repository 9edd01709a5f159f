package io.ponte.pipelines.core.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

/** Reads a log file that is still being written; with follow, waits for more until the attempt ends. */
final class FollowingInputStream extends InputStream {

    private static final long POLL_MILLIS = 200;

    private final Path file;
    private final boolean follow;
    private final BooleanSupplier ended;
    private RandomAccessFile in;
    private boolean lastRead;

    FollowingInputStream(Path file, boolean follow, BooleanSupplier ended) {
        this.file = file;
        this.follow = follow;
        this.ended = ended;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        while (true) {
            if (in == null && Files.exists(file)) {
                in = new RandomAccessFile(file.toFile(), "r");
            }
            if (in != null) {
                int n = in.read(b, off, len);
                if (n > 0) {
                    return n;
                }
            }
            if (!follow || lastRead) {
                return -1;
            }
            if (ended.getAsBoolean()) {
                lastRead = true; // one more read for what was written before the end
                continue;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }
    }

    @Override
    public void close() throws IOException {
        if (in != null) {
            in.close();
        }
    }
}
