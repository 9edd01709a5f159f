package io.ponte.pipelines.adapter.postgres;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The schema, by Flyway from {@code db/pipelines}. The history table has its own name, so the runner
 * can share a database with other Ponte services without their migrations colliding.
 */
public final class Migrations {

    private Migrations() {}

    public static void apply(DataSource dataSource) {
        Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/pipelines")
                .table("pipelines_schema_history")
                .load()
                .migrate();
    }
}
