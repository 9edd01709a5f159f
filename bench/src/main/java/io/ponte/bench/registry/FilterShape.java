package io.ponte.bench.registry;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The filtered list pages the benchmark asks for, each as the {@code filterQuery} the API takes and as the SQL
 * condition the registry translates it into ({@code SqlFilter} / {@code CustomPropertySql} in model-registry), with
 * the same bound parameters, so the JDBC baseline runs exactly the service's query. Constants are drawn per request
 * within ranges that keep each shape at 1–10 % of the versions (see {@link Versions}).
 */
enum FilterShape {
    /** {@code framework = "jax"}: containment on custom_props, which the GIN index can answer; 2–10 %. */
    STRING_EQ("string-eq") {
        @Override
        Instance draw(SplittableRandom r) {
            String fw = List.of("sklearn", "xgboost", "jax", "paddle").get(r.nextInt(4));
            return new Instance(this, "framework = \"" + fw + "\"", CONTAINS, List.of(probe("framework", fw)));
        }
    },
    /** {@code framework = "pytorch" AND accuracy > 0.95}: a common string (35 %) and a numeric range; 0.7–7 %. */
    STRING_EQ_AND_RANGE("string-eq AND double-range") {
        @Override
        Instance draw(SplittableRandom r) {
            BigDecimal t = BigDecimal.valueOf(90 + r.nextInt(10), 2);
            return new Instance(
                    this,
                    "framework = \"pytorch\" AND accuracy > " + t.toPlainString(),
                    "(" + CONTAINS + " AND " + numeric(">") + ")",
                    List.of(probe("framework", "pytorch"), "accuracy", "accuracy", t));
        }
    },
    /** {@code name LIKE "v05%"}: a prefix of the version name (v050 … v059 in every model); ~10 %. */
    NAME_LIKE("name LIKE prefix") {
        @Override
        Instance draw(SplittableRandom r) {
            String prefix = "v0" + r.nextInt(10) + "%";
            return new Instance(this, "name LIKE \"" + prefix + "\"", "e.name LIKE ?", List.of(prefix));
        }
    },
    /** {@code epochs >= 95}: a numeric range on an int custom property; 1–10 %. */
    INT_RANGE("int-range") {
        @Override
        Instance draw(SplittableRandom r) {
            long min = 91 + r.nextInt(10);
            return new Instance(
                    this, "epochs >= " + min, numeric(">="), List.of("epochs", "epochs", BigDecimal.valueOf(min)));
        }
    },
    /** Edge case, outside the mix: {@code framework = "caffe"} matches no version. */
    NO_MATCH("edge: string-eq, no match") {
        @Override
        Instance draw(SplittableRandom r) {
            return new Instance(this, "framework = \"caffe\"", CONTAINS, List.of(probe("framework", "caffe")));
        }
    },
    /**
     * Edge case, outside the mix: {@code stage = "candidate"}, 5 % of the versions, but only the most recently loaded
     * ones (highest ids), as with a property introduced lately.
     */
    RECENT("edge: string-eq, recent versions only") {
        @Override
        Instance draw(SplittableRandom r) {
            return new Instance(this, "stage = \"candidate\"", CONTAINS, List.of(probe("stage", "candidate")));
        }
    },
    /** Edge case, outside the mix: {@code framework = "paddle" AND accuracy > 0.99}, about 0.04 %. */
    RARE("edge: string-eq AND double-range, rare") {
        @Override
        Instance draw(SplittableRandom r) {
            return new Instance(
                    this,
                    "framework = \"paddle\" AND accuracy > 0.99",
                    "(" + CONTAINS + " AND " + numeric(">") + ")",
                    List.of(probe("framework", "paddle"), "accuracy", "accuracy", new BigDecimal("0.99")));
        }
    };

    /** The shapes of the measured mix (1–10 % of the versions each), drawn with equal chance. */
    static final List<FilterShape> MIX = List.of(STRING_EQ, STRING_EQ_AND_RANGE, NAME_LIKE, INT_RANGE);

    /** Shapes outside the 1–10 % range, measured apart so they do not colour the mix. */
    static final List<FilterShape> EDGE = List.of(NO_MATCH, RARE, RECENT);

    /** One drawn filter: the API's text, and the service's SQL condition with its parameters. */
    record Instance(FilterShape shape, String filterQuery, String sqlCondition, List<Object> params) {}

    private static final String CONTAINS = "e.custom_props @> ?::jsonb";

    private final String label;

    FilterShape(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    abstract Instance draw(SplittableRandom random);

    /** A representative instance, for EXPLAIN and the selectivity count. */
    Instance typical() {
        return draw(new SplittableRandom(7));
    }

    /** Numbers compare with either stored field, as {@code CustomPropertySql.numeric} writes it. */
    private static String numeric(String op) {
        return "COALESCE((e.custom_props -> ?::text ->> 'int_value')::numeric,"
                + " (e.custom_props -> ?::text ->> 'double_value')::numeric) " + op + " ?";
    }

    /** {@code {"name": {"string_value": value}}}, the containment probe of a string equality. */
    private static String probe(String name, String value) {
        return String.format(Locale.ROOT, "{\"%s\":{\"string_value\":\"%s\"}}", name, value);
    }
}
