package io.ponte.pipelines.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Points the runner under test at a throwaway database on the test PostgreSQL ({@link TestPostgres}). */
public class PipelinesDatabase implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        TestPostgres.Database db = TestPostgres.freshDatabase();
        return Map.of(
                "ponte.pipelines.database.url", db.jdbcUrl(),
                "ponte.pipelines.database.user", db.user(),
                "ponte.pipelines.database.password", db.password());
    }

    @Override
    public void stop() {
        // dropped when the JVM exits
    }
}
