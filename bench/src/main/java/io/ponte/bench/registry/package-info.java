/**
 * The model-registry benchmark: {@link io.ponte.bench.registry.RegistryBench} loads 100,000 model versions through
 * the registry's REST API, then measures get-by-id, a filtered list page and a create, each next to the same SQL
 * sent straight to PostgreSQL over JDBC. See {@code bench/registry/README.md}.
 */
package io.ponte.bench.registry;
