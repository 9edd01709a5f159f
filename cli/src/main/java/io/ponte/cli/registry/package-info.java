/**
 * A client of Ponte's model registry (the Kubeflow Model Registry REST API plus Ponte's
 * {@code /api/ponte/v1} extensions) for {@code ponte models}, over
 * {@link io.ponte.cli.http.ServiceClient}. No picocli here.
 */
package io.ponte.cli.registry;
