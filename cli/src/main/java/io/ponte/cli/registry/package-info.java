/**
 * A client of Ponte's model registry (the Kubeflow Model Registry REST API plus Ponte's
 * {@code /api/ponte/v1} extensions) for {@code ponte models}: HTTP with deadlines, an optional
 * bearer token, error bodies turned into {@link io.ponte.cli.registry.RegistryException}, JSON by
 * Jackson. No picocli here.
 */
package io.ponte.cli.registry;
