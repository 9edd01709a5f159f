/**
 * The serving cluster on Kubernetes with KServe: InferenceServices written and watched with the fabric8 client and
 * the typed custom-resource model of the api module.
 */
package io.ponte.registry.adapter.kserve;
