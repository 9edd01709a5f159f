/**
 * The run store on PostgreSQL: {@link io.ponte.pipelines.adapter.postgres.PostgresRunStore} (plain
 * JDBC, JSONB for parameters and outputs, keyset paging, conditional writes on revisions) and
 * {@link io.ponte.pipelines.adapter.postgres.PipelineDatabase}, the pool to the configured server or
 * to an embedded PostgreSQL when {@code ponte.pipelines.database.url} is not set.
 */
package io.ponte.pipelines.adapter.postgres;
