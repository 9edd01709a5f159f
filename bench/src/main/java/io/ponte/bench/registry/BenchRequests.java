package io.ponte.bench.registry;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** The requests of each measured phase, for the service (HTTP) and the baseline (JDBC, a connection per worker). */
final class BenchRequests {

    private final RegistryApi api;
    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final long[] versionIds;
    private final List<String> modelIds;
    private final int pageSize;
    private final AtomicLong created = new AtomicLong();

    BenchRequests(
            RegistryApi api,
            String jdbcUrl,
            String user,
            String password,
            long[] versionIds,
            List<String> modelIds,
            int pageSize) {
        this.api = api;
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.versionIds = versionIds;
        this.modelIds = modelIds;
        this.pageSize = pageSize;
    }

    /** GET /model_versions/{id} of a random loaded version. */
    ClosedLoop.Requests serviceGet() {
        return worker -> random -> {
            api.getVersion(Long.toString(versionIds[random.nextInt(versionIds.length)]));
            return "get";
        };
    }

    ClosedLoop.Requests jdbcGet() {
        return worker -> new JdbcRequest() {
            @Override
            public String send(java.util.SplittableRandom random) throws Exception {
                db.get(versionIds[random.nextInt(versionIds.length)]);
                return "get";
            }
        };
    }

    /** GET /model_versions?filterQuery=…&pageSize=… with a shape drawn with equal chance. */
    ClosedLoop.Requests serviceFilter(List<FilterShape> shapes) {
        return worker -> random -> {
            FilterShape.Instance f = shapes.get(random.nextInt(shapes.size())).draw(random);
            api.listVersions(f.filterQuery(), pageSize);
            return f.shape().label();
        };
    }

    ClosedLoop.Requests jdbcFilter(List<FilterShape> shapes) {
        return worker -> new JdbcRequest() {
            @Override
            public String send(java.util.SplittableRandom random) throws Exception {
                FilterShape.Instance f =
                        shapes.get(random.nextInt(shapes.size())).draw(random);
                db.list(f, pageSize);
                return f.shape().label();
            }
        };
    }

    /** POST /model_versions: a new version, with the load's property mix, under a random registered model. */
    ClosedLoop.Requests serviceCreate(long tag) {
        return worker -> random -> {
            String model = modelIds.get(random.nextInt(modelIds.size()));
            String name = "bench-" + tag + "-" + created.incrementAndGet();
            api.createVersion(Versions.body(name, model, random, false));
            return "create";
        };
    }

    /** A worker with its own JDBC connection, closed when the run ends. */
    private abstract class JdbcRequest implements ClosedLoop.Request {
        final JdbcBaseline db;

        JdbcRequest() throws java.sql.SQLException {
            db = new JdbcBaseline(jdbcUrl, user, password);
        }

        @Override
        public void close() throws Exception {
            db.close();
        }
    }
}
