package io.ponte.registry.adapter.postgres;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ponte.registry.core.Entity;
import io.ponte.registry.core.Kind;
import io.ponte.registry.core.ListQuery;
import io.ponte.registry.core.Page;
import io.ponte.registry.core.PageRequest;
import io.ponte.registry.core.PageToken;
import io.ponte.registry.core.RegistryException;
import io.ponte.registry.core.filter.InvalidFilterException;
import io.ponte.registry.spi.EntityStore;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/** Entities in one PostgreSQL table; every value reaches SQL as a bound parameter. */
@Singleton
public class PostgresEntityStore implements EntityStore {

    private static final String COLUMNS = "e.id, e.kind, e.parent_id, e.name, e.external_id, e.state, e.create_time,"
            + " e.update_time, e.revision, e.props::text, e.custom_props::text";
    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource db;
    private final ObjectMapper json = new ObjectMapper();

    PostgresEntityStore(Database database) {
        this.db = database.dataSource();
    }

    @Override
    public Entity insert(Entity e) {
        long now = System.currentTimeMillis();
        String sql = "INSERT INTO entity AS e (kind, family, parent_id, name, external_id, state, create_time,"
                + " update_time, props, custom_props) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb) RETURNING "
                + COLUMNS;
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, e.kind().code());
            ps.setString(2, e.kind().family());
            setLong(ps, 3, e.parentId());
            ps.setString(4, e.name());
            ps.setString(5, e.externalId());
            ps.setString(6, e.state());
            ps.setLong(7, now);
            ps.setLong(8, now);
            ps.setString(9, write(e.props()));
            ps.setString(10, write(e.customProperties()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return read(rs);
            }
        } catch (SQLException ex) {
            throw translate(ex, e);
        }
    }

    @Override
    public Optional<Entity> get(Set<Kind> kinds, long id) {
        String sql = "SELECT " + COLUMNS + " FROM entity e WHERE e.id = ? AND e.kind = ANY (?)";
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            ps.setArray(2, c.createArrayOf("text", codes(kinds)));
            return one(ps);
        } catch (SQLException ex) {
            throw unavailable(ex);
        }
    }

    @Override
    public Optional<Entity> update(Entity e) {
        String sql = "UPDATE entity AS e SET parent_id = ?, external_id = ?, state = ?,"
                + " update_time = GREATEST(?, e.update_time + 1), revision = e.revision + 1, props = ?::jsonb,"
                + " custom_props = ?::jsonb WHERE e.id = ? AND e.revision = ? RETURNING " + COLUMNS;
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            setLong(ps, 1, e.parentId());
            ps.setString(2, e.externalId());
            ps.setString(3, e.state());
            ps.setLong(4, System.currentTimeMillis());
            ps.setString(5, write(e.props()));
            ps.setString(6, write(e.customProperties()));
            ps.setLong(7, e.id());
            ps.setInt(8, e.revision());
            return one(ps);
        } catch (SQLException ex) {
            throw translate(ex, e);
        }
    }

    @Override
    public Page list(ListQuery q) {
        PageRequest page = q.page();
        String order = switch (page.orderBy()) {
            case ID -> "e.id";
            case CREATE_TIME -> "e.create_time";
            case LAST_UPDATE_TIME -> "e.update_time";
        };
        int fingerprint = fingerprint(q);
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM entity e WHERE e.kind = ANY (?)");
        List<Object> params = new ArrayList<>();
        params.add(codes(q.kinds()));
        q.parentId().ifPresent(p -> {
            sql.append(" AND e.parent_id = ?");
            params.add(p);
        });
        q.name().ifPresent(n -> {
            sql.append(" AND e.name = ?");
            params.add(n);
        });
        q.externalId().ifPresent(x -> {
            sql.append(" AND e.external_id = ?");
            params.add(x);
        });
        q.filter().ifPresent(f -> {
            SqlFragment where;
            try {
                where = SqlFilter.translate(f, new KindCatalog(q.kinds()));
            } catch (InvalidFilterException e) {
                throw RegistryException.invalid("filterQuery", e.getMessage());
            }
            sql.append(" AND (").append(where.sql()).append(')');
            params.addAll(where.params());
        });
        String cmp = page.descending() ? "<" : ">";
        page.after().ifPresent(token -> {
            if (token.query() != fingerprint
                    || token.orderBy() != page.orderBy()
                    || token.descending() != page.descending()) {
                throw RegistryException.invalid(
                        "nextPageToken", "nextPageToken belongs to a different list (filter, order or parent differ)");
            }
            if (page.orderBy() == PageRequest.OrderBy.ID) {
                sql.append(" AND e.id ").append(cmp).append(" ?");
            } else {
                sql.append(" AND (")
                        .append(order)
                        .append(", e.id) ")
                        .append(cmp)
                        .append(" (?, ?)");
                params.add(token.lastValue());
            }
            params.add(token.lastId());
        });
        String dir = page.descending() ? " DESC" : " ASC";
        sql.append(" ORDER BY ").append(order).append(dir);
        if (page.orderBy() != PageRequest.OrderBy.ID) {
            sql.append(", e.id").append(dir);
        }
        sql.append(" LIMIT ").append(page.size() + 1);
        List<Entity> items = new ArrayList<>();
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(sql.toString())) {
            bind(c, ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    items.add(read(rs));
                }
            }
        } catch (SQLException ex) {
            throw unavailable(ex);
        }
        Optional<PageToken> next = Optional.empty();
        if (items.size() > page.size()) {
            items = items.subList(0, page.size());
            Entity last = items.get(items.size() - 1);
            long value = switch (page.orderBy()) {
                case ID -> last.id();
                case CREATE_TIME -> last.createTime();
                case LAST_UPDATE_TIME -> last.updateTime();
            };
            next = Optional.of(new PageToken(page.orderBy(), page.descending(), value, last.id(), fingerprint));
        }
        return new Page(List.copyOf(items), page.size(), next);
    }

    @Override
    public Optional<Entity> find(
            Set<Kind> kinds, Optional<String> name, Optional<String> externalId, Optional<Long> parent) {
        var q = new ListQuery(kinds, parent, name, externalId, Optional.empty(), PageRequest.first(1));
        return list(q).items().stream().findFirst();
    }

    @Override
    public void setAlias(long registeredModelId, String alias, long modelVersionId) {
        String sql = "INSERT INTO model_alias (registered_model_id, alias, model_version_id, update_time)"
                + " VALUES (?, ?, ?, ?) ON CONFLICT (registered_model_id, alias)"
                + " DO UPDATE SET model_version_id = EXCLUDED.model_version_id, update_time = EXCLUDED.update_time";
        execute(sql, registeredModelId, alias, modelVersionId, System.currentTimeMillis());
    }

    @Override
    public boolean deleteAlias(long registeredModelId, String alias) {
        return execute("DELETE FROM model_alias WHERE registered_model_id = ? AND alias = ?", registeredModelId, alias)
                > 0;
    }

    @Override
    public Map<String, Long> aliases(long registeredModelId) {
        String sql = "SELECT alias, model_version_id FROM model_alias WHERE registered_model_id = ? ORDER BY alias";
        Map<String, Long> out = new LinkedHashMap<>();
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, registeredModelId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getLong(2));
                }
            }
            return out;
        } catch (SQLException ex) {
            throw unavailable(ex);
        }
    }

    @Override
    public boolean healthy() {
        try (Connection c = db.getConnection()) {
            return c.isValid(2);
        } catch (SQLException ex) {
            return false;
        }
    }

    private int execute(String sql, Object... params) {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            bind(c, ps, List.of(params));
            return ps.executeUpdate();
        } catch (SQLException ex) {
            throw unavailable(ex);
        }
    }

    private static void bind(Connection c, PreparedStatement ps, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object p = params.get(i);
            if (p instanceof String[] array) {
                ps.setArray(i + 1, c.createArrayOf("text", array));
            } else {
                ps.setObject(i + 1, p);
            }
        }
    }

    private Optional<Entity> one(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(read(rs)) : Optional.empty();
        }
    }

    private Entity read(ResultSet rs) throws SQLException {
        long parentId = rs.getLong(3);
        Long parent = rs.wasNull() ? null : parentId;
        return new Entity(
                rs.getLong(1),
                Kind.fromCode(rs.getString(2)),
                parent,
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getLong(7),
                rs.getLong(8),
                rs.getInt(9),
                object(rs.getString(10)),
                object(rs.getString(11)));
    }

    private ObjectNode object(String text) {
        try {
            return (ObjectNode) json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored JSON column does not parse", e);
        }
    }

    private String write(ObjectNode node) {
        return node.toString();
    }

    private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }

    private static String[] codes(Set<Kind> kinds) {
        return kinds.stream().map(Kind::code).sorted().toArray(String[]::new);
    }

    /** Ties a page token to its list; built from names only, so it stays valid across restarts and replicas. */
    private static int fingerprint(ListQuery q) {
        return String.join(
                        "|",
                        String.join(",", codes(q.kinds())),
                        q.parentId().map(String::valueOf).orElse(""),
                        q.name().orElse(""),
                        q.externalId().orElse(""),
                        q.filter().map(Object::toString).orElse(""))
                .hashCode();
    }

    private static RuntimeException translate(SQLException ex, Entity e) {
        if (UNIQUE_VIOLATION.equals(ex.getSQLState())) {
            String message = ex.getMessage() == null ? "" : ex.getMessage();
            if (message.contains("entity_external_id")) {
                return new RegistryException.Conflict(
                        "externalId", "externalId '" + e.externalId() + "' is already used by another " + label(e));
            }
            return new RegistryException.Conflict(
                    "name",
                    "a " + label(e) + " named '" + e.name() + "' already exists"
                            + (e.parentId() == null ? "" : " under " + e.parentId()));
        }
        return unavailable(ex);
    }

    private static String label(Entity e) {
        return e.kind().isArtifact() ? "artifact" : e.kind().wireName();
    }

    private static RuntimeException unavailable(SQLException ex) {
        return new RegistryException.Unavailable("the registry database did not answer: " + ex.getSQLState(), ex);
    }
}
