package io.ponte.registry.adapter.postgres;

import static io.ponte.registry.testing.Api.registeredModel;
import static io.ponte.registry.testing.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The first-run default: no database configured, the service starts its own PostgreSQL in a data directory. */
@QuarkusTest
@TestProfile(EmbeddedDatabaseTest.NoServer.class)
class EmbeddedDatabaseTest {

    /** Fixed per JVM: the profile and the test are loaded by different class loaders and must agree. */
    static final Path DATA = Path.of(
                    "target", "embedded-registry-pg-" + ProcessHandle.current().pid())
            .toAbsolutePath();

    /** No ponte.registry.database.url: only a data directory. */
    public static class NoServer implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "ponte.registry.database.embedded-data-dir",
                    DATA.toString(),
                    // an empty value reads as absent, hiding the URL the shared database test resource sets
                    "ponte.registry.database.url",
                    "");
        }
    }

    @Inject
    Database database;

    @Test
    void entities_land_in_a_postgresql_the_service_started_in_its_data_directory() throws Exception {
        String id = registeredModel(unique("embedded"));

        assertThat(DATA.resolve("PG_VERSION")).exists();
        try (var c = database.dataSource().getConnection();
                var s = c.prepareStatement("SELECT kind FROM entity WHERE id = ?")) {
            s.setLong(1, Long.parseLong(id));
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("REGISTERED_MODEL");
            }
            assertThat(c.getMetaData().getURL()).startsWith("jdbc:postgresql://127.0.0.1:");
        }
    }
}
