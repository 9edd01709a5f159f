package io.ponte.pipelines.adapter.postgres;

import io.ponte.pipelines.spi.Page;
import io.ponte.pipelines.spi.RunQuery;
import io.ponte.pipelines.spi.RunRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Lists runs newest first with keyset paging: a page is the next {@code pageSize} rows below the
 * previous page's last {@code (created_at, id)}, which the indexes serve without an offset scan.
 * Filter values are bound parameters; only fixed SQL text is concatenated.
 */
final class RunListing {

    static final int MAX_PAGE_SIZE = 1000;

    private final List<String> conditions = new ArrayList<>();
    private final List<Object> values = new ArrayList<>();

    private RunListing(RunQuery query) {
        query.state().ifPresent(s -> where("state = ?", s.name()));
        query.pipelineName().ifPresent(p -> where("pipeline_name = ?", p));
        query.nameContains().ifPresent(n -> where("display_name ILIKE ? ESCAPE '\\'", "%" + escapeLike(n) + "%"));
        query.createdAfter().ifPresent(t -> where("created_at > ?", Timestamp.from(t)));
    }

    static Page<RunRecord> page(Connection c, RunQuery query) throws SQLException {
        int size = Math.max(1, Math.min(MAX_PAGE_SIZE, query.pageSize()));
        Optional<PageToken> after = query.pageToken().map(PageToken::decode);
        RunListing filters = new RunListing(query);
        long total = filters.count(c);
        List<RunRecord> rows = filters.rows(c, after, size + 1);
        Optional<String> next = Optional.empty();
        if (rows.size() > size) {
            rows = rows.subList(0, size);
            RunRecord last = rows.get(size - 1);
            next = Optional.of(new PageToken(last.createdAt(), last.id()).encode());
        }
        return new Page<>(List.copyOf(rows), next, total);
    }

    private long count(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM pipeline_run" + whereClause(conditions))) {
            bind(ps, values);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private List<RunRecord> rows(Connection c, Optional<PageToken> after, int limit) throws SQLException {
        List<String> all = new ArrayList<>(conditions);
        List<Object> bound = new ArrayList<>(values);
        if (after.isPresent()) {
            all.add("(created_at, id) < (?, ?)");
            bound.add(Timestamp.from(after.get().createdAt()));
            bound.add(after.get().id());
        }
        String sql = "SELECT " + RunRows.COLUMNS + " FROM pipeline_run" + whereClause(all)
                + " ORDER BY created_at DESC, id DESC LIMIT " + limit;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, bound);
            try (ResultSet rs = ps.executeQuery()) {
                List<RunRecord> runs = new ArrayList<>();
                while (rs.next()) {
                    runs.add(RunRows.read(rs));
                }
                return runs;
            }
        }
    }

    private void where(String condition, Object value) {
        conditions.add(condition);
        values.add(value);
    }

    private static String whereClause(List<String> conditions) {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static void bind(PreparedStatement ps, List<Object> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            ps.setObject(i + 1, values.get(i));
        }
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
