package io.ponte.bench.registry;

import io.ponte.bench.common.Latency;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;

/**
 * The load phase: registered models, then their versions, all through the API. {@code clients} threads each take
 * the next model and create its versions {@code v001 … vNNN} in order, so the ids of a few models interleave, as
 * when several teams register at once. Each version's properties depend only on the seed and its position, not on
 * thread timing.
 */
final class Loader {

    /** What the load did; version ids are indexed by model * versionsPerModel + (k - 1). */
    record Result(
            int models,
            long versions,
            double modelSeconds,
            double versionSeconds,
            Latency createLatency,
            long errors,
            String firstError,
            long[] versionIds,
            List<String> modelIds) {

        double versionsPerSecond() {
            return versions / Math.max(versionSeconds, 1e-9);
        }

        JsonObject toJson() {
            return new JsonObject()
                    .put("registered_models", models)
                    .put("model_versions", versions)
                    .put("model_seconds", Latency.round(modelSeconds))
                    .put("version_seconds", Latency.round(versionSeconds))
                    .put("versions_per_second", Latency.round(versionsPerSecond()))
                    .put("create_latency", createLatency.toJson())
                    .put("errors", errors)
                    .put("first_error", firstError);
        }
    }

    private Loader() {}

    static Result load(RegistryApi api, int models, int perModel, int clients, long seed) throws Exception {
        var errors = new AtomicLong();
        var firstError = new AtomicReference<String>();
        long start = System.nanoTime();
        String[] modelIds = new String[models];
        var nextModel = new AtomicInteger();
        parallel(clients, () -> {
            for (int m; (m = nextModel.getAndIncrement()) < models; ) {
                modelIds[m] = api.createModel(String.format(Locale.ROOT, "bench-model-%04d", m));
            }
            return null;
        });
        double modelSeconds = (System.nanoTime() - start) / 1e9;
        System.err.printf(Locale.ROOT, "[bench] %d registered models in %.1f s%n", models, modelSeconds);

        long[] ids = new long[models * perModel];
        int firstRecent = models - (int) Math.round(models * Versions.RECENT_SHARE);
        var created = new AtomicLong();
        var next = new AtomicInteger();
        List<Histogram> latencies = new ArrayList<>();
        start = System.nanoTime();
        long t0 = start;
        parallel(clients, () -> {
            Histogram h = Latency.histogram();
            synchronized (latencies) {
                latencies.add(h);
            }
            for (int m; (m = next.getAndIncrement()) < models; ) {
                for (int k = 1; k <= perModel; k++) {
                    int index = m * perModel + k - 1;
                    var random = new SplittableRandom(seed * 1_000_003L + index);
                    String body = Versions.body(Versions.name(k), modelIds[m], random, m >= firstRecent);
                    long begin = System.nanoTime();
                    try {
                        ids[index] = Long.parseLong(api.createVersion(body));
                        h.recordValue(System.nanoTime() - begin);
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        firstError.compareAndSet(null, e.getMessage());
                        if (errors.get() <= 5) {
                            RegistryBench.log(
                                    "load error on version %s of model %s: %s",
                                    Versions.name(k), modelIds[m], e.getMessage());
                        }
                    }
                    long n = created.incrementAndGet();
                    if (n % 10_000 == 0) {
                        System.err.printf(
                                Locale.ROOT, "[bench] %d versions, %.0f/s%n", n, n / ((System.nanoTime() - t0) / 1e9));
                    }
                }
            }
            return null;
        });
        double versionSeconds = (System.nanoTime() - start) / 1e9;
        Histogram all = Latency.histogram();
        latencies.forEach(all::add);
        return new Result(
                models,
                all.getTotalCount(),
                modelSeconds,
                versionSeconds,
                Latency.of(all),
                errors.get(),
                firstError.get(),
                ids,
                List.of(modelIds));
    }

    interface Task {
        Void run() throws Exception;
    }

    /** Runs {@code task} on {@code n} threads and waits; the first failure is rethrown. */
    private static void parallel(int n, Task task) throws Exception {
        var failure = new AtomicReference<Exception>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            threads.add(Thread.ofPlatform().name("bench-load-" + i).start(() -> {
                try {
                    task.run();
                } catch (Exception e) {
                    failure.compareAndSet(null, e);
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }
}
