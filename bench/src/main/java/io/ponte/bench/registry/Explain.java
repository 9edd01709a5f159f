package io.ponte.bench.registry;

import io.ponte.bench.common.Latency;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What PostgreSQL does with each filter shape: how many versions it matches, and {@code EXPLAIN (ANALYZE, BUFFERS)}
 * of the service's page query with a typical instance's parameters bound (so the planner sees the values, as it does
 * for the service's first executions of a statement).
 */
final class Explain {

    private static final Pattern ACTUAL =
            Pattern.compile("\\(actual time=[0-9.]+\\.\\.([0-9.]+) rows=(\\d+) loops=(\\d+)\\)");
    private static final Pattern COST = Pattern.compile("\\s*\\(cost=[^)]*\\)");

    /** One shape's plan. */
    record Plan(
            String label,
            String filterQuery,
            long matches,
            double percent,
            double executionMs,
            String oneLine,
            List<String> lines) {

        JsonObject toJson() {
            return new JsonObject()
                    .put("shape", label)
                    .put("filter_query", filterQuery)
                    .put("matching_versions", matches)
                    .put("matching_percent", Latency.round(percent))
                    .put("execution_ms", Latency.round(executionMs))
                    .put("summary", oneLine)
                    .put("plan", new JsonArray(lines));
        }
    }

    private Explain() {}

    static List<Plan> shapes(JdbcBaseline db, List<FilterShape> shapes, int pageSize) throws SQLException {
        long total = versions(db);
        List<Plan> plans = new ArrayList<>();
        for (FilterShape shape : shapes) {
            FilterShape.Instance f = shape.typical();
            long matches = count(db, f);
            List<String> lines = explain(db, JdbcBaseline.listSql(f, pageSize), f);
            plans.add(new Plan(
                    shape.label(),
                    f.filterQuery(),
                    matches,
                    100.0 * matches / Math.max(1, total),
                    executionMs(lines),
                    oneLine(lines),
                    lines));
        }
        return plans;
    }

    /** The plan of the get-by-id query for one id. */
    static Plan get(JdbcBaseline db, long id) throws SQLException {
        List<String> lines;
        try (PreparedStatement ps =
                db.connection().prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + JdbcBaseline.GET)) {
            ps.setLong(1, id);
            ps.setArray(2, db.connection().createArrayOf("text", new String[] {JdbcBaseline.KIND}));
            lines = lines(ps);
        }
        return new Plan("get-by-id", "id = " + id, 1, Double.NaN, executionMs(lines), oneLine(lines), lines);
    }

    static long versions(JdbcBaseline db) throws SQLException {
        try (PreparedStatement ps = db.connection().prepareStatement("SELECT count(*) FROM entity WHERE kind = ?")) {
            ps.setString(1, JdbcBaseline.KIND);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static long count(JdbcBaseline db, FilterShape.Instance f) throws SQLException {
        String sql = "SELECT count(*) FROM entity e WHERE e.kind = ANY (?) AND (" + f.sqlCondition() + ")";
        try (PreparedStatement ps = db.connection().prepareStatement(sql)) {
            db.bind(ps, f);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static List<String> explain(JdbcBaseline db, String sql, FilterShape.Instance f) throws SQLException {
        try (PreparedStatement ps = db.connection().prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + sql)) {
            db.bind(ps, f);
            return lines(ps);
        }
    }

    private static List<String> lines(PreparedStatement ps) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                lines.add(rs.getString(1));
            }
        }
        return lines;
    }

    private static double executionMs(List<String> lines) {
        return lines.stream()
                .filter(l -> l.trim().startsWith("Execution Time:"))
                .map(l -> Double.parseDouble(l.replaceAll("[^0-9.]", "")))
                .findFirst()
                .orElse(Double.NaN);
    }

    /**
     * The plan's nodes, outermost first, each with the rows it returned and the rows its filter threw away:
     * {@code Limit (21 rows) → Index Scan using entity_pkey on entity e (21 rows, 1,383 removed by filter)}.
     */
    static String oneLine(List<String> lines) {
        List<String> nodes = new ArrayList<>();
        StringBuilder current = null;
        for (String raw : lines) {
            String line = raw.trim();
            boolean node = nodes.isEmpty() && current == null || line.startsWith("->");
            if (node) {
                if (current != null) {
                    nodes.add(current.append(')').toString());
                }
                String text = COST.matcher(line.replaceFirst("^->\\s*", "")).replaceAll("");
                Matcher m = ACTUAL.matcher(text);
                String rows = m.find() ? m.group(2) + " rows" + (m.group(3).equals("1") ? "" : " ×" + m.group(3)) : "";
                current = new StringBuilder(ACTUAL.matcher(text).replaceAll("").trim())
                        .append(" (")
                        .append(rows);
            } else if (current != null && line.startsWith("Rows Removed by ")) {
                current.append(", ").append(line.replace("Rows Removed by ", "").replaceFirst(": ", " removed: "));
            } else if (current != null && line.startsWith("Heap Blocks:")) {
                current.append(", heap blocks ")
                        .append(line.substring("Heap Blocks:".length()).trim());
            } else if (line.startsWith("Planning") || line.startsWith("Execution")) {
                break;
            }
        }
        if (current != null) {
            nodes.add(current.append(')').toString());
        }
        return String.join(" → ", nodes) + "; " + Latency.round(executionMs(lines)) + " ms";
    }
}
