package io.ponte.bench.router;

import io.ponte.bench.router.ProcStats.Proc;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Samples the RSS of the observed processes on a daemon thread and keeps the peaks. */
final class RssSampler implements AutoCloseable {
    private final List<Proc> procs;
    private final Map<String, Long> runPeakKb = new ConcurrentHashMap<>();
    private final Map<String, Long> windowPeakKb = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    RssSampler(List<Proc> procs, long periodMs) {
        this.procs = procs;
        this.thread = Thread.ofPlatform().daemon().name("rss-sampler").start(() -> loop(periodMs));
    }

    private void loop(long periodMs) {
        while (running) {
            sampleOnce();
            try {
                Thread.sleep(periodMs);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void sampleOnce() {
        for (Proc p : procs) {
            long kb = ProcStats.rssKb(p);
            runPeakKb.merge(p.name(), kb, Math::max);
            windowPeakKb.merge(p.name(), kb, Math::max);
        }
    }

    /** Starts a new window; {@link #windowPeaks()} then reports peaks since this call. */
    void startWindow() {
        windowPeakKb.clear();
        sampleOnce();
    }

    Map<String, Long> windowPeaks() {
        sampleOnce();
        return ordered(windowPeakKb);
    }

    Map<String, Long> runPeaks() {
        return ordered(runPeakKb);
    }

    private Map<String, Long> ordered(Map<String, Long> m) {
        Map<String, Long> out = new LinkedHashMap<>();
        procs.forEach(p -> out.put(p.name(), m.getOrDefault(p.name(), 0L)));
        return out;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
