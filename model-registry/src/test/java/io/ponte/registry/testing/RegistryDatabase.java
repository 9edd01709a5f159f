package io.ponte.registry.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Points the service under test at a throwaway database on the one test PostgreSQL ({@link PostgresService}). */
public class RegistryDatabase implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        PostgresService.Database db = PostgresService.freshDatabase();
        return Map.of(
                "ponte.registry.database.url", db.jdbcUrl(),
                "ponte.registry.database.user", db.user(),
                "ponte.registry.database.password", db.password());
    }

    @Override
    public void stop() {
        // the database is throwaway; PostgreSQL keeps it until someone drops ponte_test_* databases
    }
}
