package io.ponte.bench.common;

import io.vertx.core.json.JsonObject;
import org.HdrHistogram.Histogram;

/** Percentiles of a nanosecond histogram, in milliseconds. */
public record Latency(long count, double p50, double p90, double p95, double p99, double max, double mean) {

    public static final Latency EMPTY =
            new Latency(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    /** A histogram of nanosecond values that grows as needed, with 3 significant digits. */
    public static Histogram histogram() {
        return new Histogram(3);
    }

    public static Latency of(Histogram h) {
        if (h.getTotalCount() == 0) {
            return EMPTY;
        }
        return new Latency(
                h.getTotalCount(),
                ms(h.getValueAtPercentile(50)),
                ms(h.getValueAtPercentile(90)),
                ms(h.getValueAtPercentile(95)),
                ms(h.getValueAtPercentile(99)),
                ms(h.getMaxValue()),
                h.getMean() / 1e6);
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    public JsonObject toJson() {
        return new JsonObject()
                .put("count", count)
                .put("p50_ms", round(p50))
                .put("p90_ms", round(p90))
                .put("p95_ms", round(p95))
                .put("p99_ms", round(p99))
                .put("max_ms", round(max))
                .put("mean_ms", round(mean));
    }

    /** {@code v} to three decimals; null (JSON null) for NaN and infinities. */
    public static Double round(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? null : Math.round(v * 1000) / 1000.0;
    }
}
