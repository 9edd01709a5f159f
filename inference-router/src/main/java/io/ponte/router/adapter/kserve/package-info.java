/**
 * KServe discovery: a fabric8 informer per watched namespace keeps the {@code BackendRegistry} in
 * step with the Ready {@code InferenceService}s there, named {@code kserve/<namespace>/<isvc>}.
 */
package io.ponte.router.adapter.kserve;
