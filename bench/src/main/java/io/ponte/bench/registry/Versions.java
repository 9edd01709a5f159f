package io.ponte.bench.registry;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The model versions the benchmark writes: names {@code v001 … v100} within each registered model and 3–5 custom
 * properties with known distributions, so that each filter shape selects a known share of the rows.
 *
 * <ul>
 *   <li>{@code framework} (string, always): pytorch 35 %, tensorflow 25 %, onnx 15 %, sklearn 10 %, xgboost 8 %,
 *       jax 5 %, paddle 2 %;
 *   <li>{@code accuracy} (double, always): uniform in [0.5, 1.0), 4 decimals;
 *   <li>{@code epochs} (int, always): uniform in 1 … 100;
 *   <li>{@code dataset} (string, 60 % of versions): {@code ds-00 … ds-19}, uniform;
 *   <li>{@code learning_rate} (double, 50 % of versions): log-uniform in [1e-5, 1e-1);
 *   <li>{@code stage} (string): {@code "candidate"} on every version of the last 5 % of registered models loaded, in
 *       place of {@code learning_rate}: a property that only recent versions carry, so its matches all sit at the
 *       highest ids.
 * </ul>
 */
final class Versions {

    record Share(String value, int percent) {}

    static final List<Share> FRAMEWORKS = List.of(
            new Share("pytorch", 35),
            new Share("tensorflow", 25),
            new Share("onnx", 15),
            new Share("sklearn", 10),
            new Share("xgboost", 8),
            new Share("jax", 5),
            new Share("paddle", 2));

    private Versions() {}

    /** The name of the {@code k}-th version (1-based) of a registered model. */
    static String name(int k) {
        return String.format(Locale.ROOT, "v%03d", k);
    }

    /** The share of registered models, the last loaded, whose versions carry {@code stage}. */
    static final double RECENT_SHARE = 0.05;

    /** The POST body of a new version; {@code recent} versions carry {@code stage} instead of a learning rate. */
    static String body(String name, String registeredModelId, SplittableRandom random, boolean recent) {
        return new JsonObject()
                .put("name", name)
                .put("registeredModelId", registeredModelId)
                .put("customProperties", customProperties(random, recent))
                .encode();
    }

    static JsonObject customProperties(SplittableRandom random, boolean recent) {
        var props = new JsonObject()
                .put("framework", string(framework(random.nextInt(100))))
                .put("accuracy", dbl(Math.round((0.5 + 0.5 * random.nextDouble()) * 10_000) / 10_000.0))
                .put("epochs", integer(1 + random.nextInt(100)));
        if (random.nextInt(100) < 60) {
            props.put("dataset", string(String.format(Locale.ROOT, "ds-%02d", random.nextInt(20))));
        }
        boolean learningRate = random.nextInt(100) < 50;
        double rate = Math.pow(10, -1 - 4 * random.nextDouble());
        if (recent) {
            props.put("stage", string("candidate"));
        } else if (learningRate) {
            props.put("learning_rate", dbl(rate));
        }
        return props;
    }

    private static String framework(int percentile) {
        int upTo = 0;
        for (Share s : FRAMEWORKS) {
            upTo += s.percent();
            if (percentile < upTo) {
                return s.value();
            }
        }
        return FRAMEWORKS.getLast().value();
    }

    private static JsonObject string(String v) {
        return new JsonObject().put("metadataType", "MetadataStringValue").put("string_value", v);
    }

    private static JsonObject dbl(double v) {
        return new JsonObject().put("metadataType", "MetadataDoubleValue").put("double_value", v);
    }

    private static JsonObject integer(long v) {
        return new JsonObject().put("metadataType", "MetadataIntValue").put("int_value", Long.toString(v));
    }
}
