/**
 * A typed fabric8 model of the KServe {@code serving.kserve.io/v1beta1} {@code InferenceService}
 * custom resource: the parts of the spec Ponte writes (predictor model, runtime, placement on
 * interLink virtual nodes, scaling) and the parts of the status it reads (readiness, URLs,
 * revisions, model state).
 *
 * <p>Spec and status parts are records. Members a record does not model are kept in its {@code
 * extra} map and written back, so reading a resource, changing it and replacing it on the API server
 * loses nothing. Pod-level types ({@code Container}, {@code Toleration}, {@code EnvVar}, {@code
 * ResourceRequirements}) are fabric8's own.
 */
package io.ponte.api.kserve;
