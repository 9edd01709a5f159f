package io.ponte.bench.router;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Open-loop load at rising fixed rates. At each rate every still-passing path runs one step after
 * the other, direct first, so each proxied p99 is compared with direct's p99 at the same rate. A
 * path fails at the first rate where its p99 exceeds direct's by the budget, where it falls a second
 * behind, or where a request fails; the run stops when every proxied path has failed or direct
 * itself falls behind.
 */
final class RateRun {

    /** One path at one rate; latency counts from each request's due time. */
    record Step(
            int rate,
            String path,
            Dist latency,
            double achieved,
            long sent,
            long errors,
            boolean overloaded,
            boolean retry,
            double addedP99) {
        /** The same step marked as a repeated measurement. */
        Step asRetry() {
            return new Step(rate, path, latency, achieved, sent, errors, overloaded, true, addedP99);
        }

        /** The same step with its p99 compared with direct's at the same rate. */
        Step against(Step base) {
            return new Step(
                    rate,
                    path,
                    latency,
                    achieved,
                    sent,
                    errors,
                    overloaded,
                    retry,
                    latency.p99() - base.latency().p99());
        }

        JsonObject toJson() {
            return new JsonObject()
                    .put("rate", rate)
                    .put("path", path)
                    .put("latency", latency.toJson())
                    .put("achieved_per_second", Math.round(achieved))
                    .put("sent", sent)
                    .put("errors", errors)
                    .put("overloaded", overloaded)
                    .put("retry", retry)
                    .put("added_p99_us", Dist.round(addedP99));
        }
    }

    /**
     * @param sustained per proxied path, the highest rate below its first failing rate (0 if it failed at
     *     the lowest rate)
     * @param passedAll proxied paths that passed every rate tried, so their limit is above the last rate
     * @param directLimit the rate at which direct itself fell behind, or 0
     */
    record Result(
            List<Step> steps,
            Map<String, Integer> sustained,
            List<String> passedAll,
            int directLimit,
            double budgetMs) {
        JsonObject toJson() {
            var arr = new JsonArray();
            steps.forEach(s -> arr.add(s.toJson()));
            return new JsonObject()
                    .put("budget_ms", budgetMs)
                    .put("steps", arr)
                    .put("sustained_rate", new JsonObject(new LinkedHashMap<>(sustained)))
                    .put("passed_all_rates", new JsonArray(passedAll))
                    .put("direct_fell_behind_at", directLimit);
        }
    }

    /** Rates to try, how long each step lasts, how many connections and client threads per path. */
    record Settings(List<Integer> rates, double stepSeconds, int connections, int threads, double budgetMs) {}

    private RateRun() {}

    static Result run(Vertx vertx, List<Target> targets, Buffer body, Settings s, Quiet quiet) {
        Map<String, List<Lane>> lanes = new LinkedHashMap<>();
        targets.forEach(t -> lanes.put(t.name(), Lane.spread(vertx, t, s.threads(), s.connections())));
        String direct = targets.getFirst().name();
        List<String> proxied = new ArrayList<>(lanes.keySet().stream().skip(1).toList());
        List<String> passing = new ArrayList<>(proxied);
        Map<String, Integer> sustained = new LinkedHashMap<>();
        proxied.forEach(p -> sustained.put(p, 0));
        List<Step> steps = new ArrayList<>();
        int directLimit = 0;
        for (int rate : s.rates()) {
            if (passing.isEmpty()) {
                break;
            }
            Step base = step(vertx, lanes.get(direct), body, rate, s, quiet);
            steps.add(base);
            System.err.printf(
                    "rate %6d/s  %-7s p99 %9.1f µs%n",
                    rate, direct, base.latency().p99());
            if (base.overloaded() || base.errors() > 0) {
                directLimit = rate;
                break;
            }
            for (String path : List.copyOf(passing)) {
                Step st = step(vertx, lanes.get(path), body, rate, s, quiet).against(base);
                if (!passes(st, s)) {
                    // One noisy step must not end a path: measure direct and the path once more.
                    log(st, "retrying");
                    steps.add(st);
                    Step again =
                            step(vertx, lanes.get(direct), body, rate, s, quiet).asRetry();
                    steps.add(again);
                    st = step(vertx, lanes.get(path), body, rate, s, quiet)
                            .asRetry()
                            .against(again);
                }
                steps.add(st);
                boolean ok = passes(st, s);
                log(st, ok ? "ok" : "FAIL");
                if (ok) {
                    sustained.put(path, rate);
                } else {
                    passing.remove(path);
                }
            }
        }
        lanes.values().forEach(l -> l.forEach(Lane::close));
        List<String> passedAll = directLimit == 0 ? passing : List.of();
        return new Result(steps, sustained, passedAll, directLimit, s.budgetMs());
    }

    private static boolean passes(Step st, Settings s) {
        return !st.overloaded() && st.errors() == 0 && st.addedP99() / 1000.0 < s.budgetMs();
    }

    private static void log(Step st, String verdict) {
        System.err.printf(
                "rate %6d/s  %-7s p99 %9.1f µs  added %7.3f ms %s%n",
                st.rate(), st.path(), st.latency().p99(), st.addedP99() / 1000.0, verdict);
    }

    private static Step step(Vertx vertx, List<Lane> lanes, Buffer body, int rate, Settings s, Quiet quiet) {
        return quiet.guard(
                "rate " + rate + "/s " + lanes.getFirst().target().name(), () -> measure(vertx, lanes, body, rate, s));
    }

    private static Step measure(Vertx vertx, List<Lane> lanes, Buffer body, int rate, Settings s) {
        pause();
        double perLane = (double) rate / lanes.size();
        double settle = Math.min(1.0, s.stepSeconds() / 4);
        List<OpenLoop> loops =
                Lane.onEach(lanes, lane -> new OpenLoop(lane, body, perLane, s.stepSeconds(), settle).start());
        Histogram all = Dist.nanos();
        long sent = 0;
        long errors = 0;
        double achieved = 0;
        boolean overloaded = false;
        for (OpenLoop loop : loops) {
            all.add(loop.latency());
            sent += loop.sent();
            errors += loop.errors();
            achieved += loop.achievedPerSecond();
            overloaded |= loop.overloaded();
        }
        return new Step(
                rate,
                lanes.getFirst().target().name(),
                Dist.of(all),
                achieved,
                sent,
                errors,
                overloaded,
                false,
                Double.NaN);
    }

    /** Lets the previous step's stragglers, GC and TCP timers settle before the next step. */
    private static void pause() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
