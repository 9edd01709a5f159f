package io.ponte.bench.registry;

import io.ponte.bench.common.Latency;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;

/**
 * {@code concurrency} worker threads, each sending its next request as soon as the previous one answered, until
 * {@code requests} have completed or the time limit passed. Every round trip goes into an HdrHistogram, overall and
 * under the label the request returns (the filter shape, for lists).
 */
final class ClosedLoop {

    /** One worker's way of sending a request; the worker owns it (and its connection) for the whole run. */
    interface Request extends AutoCloseable {
        /** Sends one request and returns its label; throws when it failed. */
        String send(SplittableRandom random) throws Exception;

        @Override
        default void close() throws Exception {}
    }

    /** Makes the request object of worker {@code index}. */
    interface Requests {
        Request forWorker(int index) throws Exception;
    }

    /** What a run measured. */
    record Outcome(
            Histogram all,
            Map<String, Histogram> byLabel,
            long completed,
            long errors,
            String firstError,
            double seconds) {

        double throughput() {
            return completed / Math.max(seconds, 1e-9);
        }
    }

    private ClosedLoop() {}

    static Outcome run(Requests requests, int concurrency, long count, Duration limit, long seed) throws Exception {
        var remaining = new AtomicLong(count);
        var errors = new AtomicLong();
        var firstError = new AtomicReference<String>();
        long deadline = System.nanoTime() + limit.toNanos();
        List<Worker> workers = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            workers.add(new Worker(requests.forWorker(i), new SplittableRandom(seed * 31 + i)));
        }
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (Worker w : workers) {
            threads.add(Thread.ofPlatform()
                    .name("bench-worker-" + threads.size())
                    .start(() -> w.loop(remaining, deadline, errors, firstError)));
        }
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Histogram all = Latency.histogram();
        Map<String, Histogram> byLabel = new LinkedHashMap<>();
        for (Worker w : workers) {
            w.request.close();
            all.add(w.all);
            w.byLabel.forEach((label, h) ->
                    byLabel.computeIfAbsent(label, k -> Latency.histogram()).add(h));
        }
        return new Outcome(all, byLabel, all.getTotalCount(), errors.get(), firstError.get(), seconds);
    }

    private static final class Worker {
        private final Request request;
        private final SplittableRandom random;
        private final Histogram all = Latency.histogram();
        private final Map<String, Histogram> byLabel = new LinkedHashMap<>();

        Worker(Request request, SplittableRandom random) {
            this.request = request;
            this.random = random;
        }

        void loop(AtomicLong remaining, long deadline, AtomicLong errors, AtomicReference<String> firstError) {
            while (remaining.getAndDecrement() > 0 && System.nanoTime() < deadline) {
                long start = System.nanoTime();
                try {
                    String label = request.send(random);
                    long took = System.nanoTime() - start;
                    all.recordValue(took);
                    byLabel.computeIfAbsent(label, k -> Latency.histogram()).recordValue(took);
                } catch (Exception e) {
                    errors.incrementAndGet();
                    firstError.compareAndSet(null, e.toString());
                }
            }
        }
    }
}
