package io.ponte.bench.offload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Samples a process's resident set every 200 ms; reports the peak since the last reset. */
final class RssSampler implements AutoCloseable {
    private final Path status;
    private final Thread thread;
    private volatile long peakKb;

    RssSampler(long pid) {
        this.status = Path.of("/proc", Long.toString(pid), "status");
        this.thread = Thread.ofPlatform().daemon().name("rss-sampler").start(this::loop);
    }

    /** The current resident set in MiB. */
    double nowMb() {
        return rssKb() / 1024.0;
    }

    /** The peak since the last call, in MiB; starts a new window. */
    double takePeakMb() {
        long peak = Math.max(peakKb, rssKb());
        peakKb = 0;
        return peak / 1024.0;
    }

    private void loop() {
        while (!Thread.currentThread().isInterrupted()) {
            peakKb = Math.max(peakKb, rssKb());
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private long rssKb() {
        try {
            return Files.readAllLines(status).stream()
                    .filter(l -> l.startsWith("VmRSS:"))
                    .mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", "")))
                    .findFirst()
                    .orElse(0);
        } catch (IOException e) {
            return 0;
        }
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
