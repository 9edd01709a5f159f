package io.ponte.bench.router;

import io.vertx.core.json.JsonObject;
import org.HdrHistogram.Histogram;

/** Percentiles of a nanosecond histogram, in microseconds. */
record Dist(long count, double p50, double p90, double p99, double p999, double max, double mean) {

    static final Dist EMPTY = new Dist(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    /** A histogram of nanosecond values that grows as needed, with 3 significant digits. */
    static Histogram nanos() {
        return new Histogram(3);
    }

    static Dist of(Histogram h) {
        if (h.getTotalCount() == 0) {
            return EMPTY;
        }
        return new Dist(
                h.getTotalCount(),
                us(h.getValueAtPercentile(50)),
                us(h.getValueAtPercentile(90)),
                us(h.getValueAtPercentile(99)),
                us(h.getValueAtPercentile(99.9)),
                us(h.getMaxValue()),
                h.getMean() / 1000.0);
    }

    private static double us(long nanos) {
        return nanos / 1000.0;
    }

    JsonObject toJson() {
        return new JsonObject()
                .put("count", count)
                .put("p50_us", round(p50))
                .put("p90_us", round(p90))
                .put("p99_us", round(p99))
                .put("p999_us", round(p999))
                .put("max_us", round(max))
                .put("mean_us", round(mean));
    }

    static Double round(double v) {
        return Double.isNaN(v) ? null : Math.round(v * 10) / 10.0;
    }
}
