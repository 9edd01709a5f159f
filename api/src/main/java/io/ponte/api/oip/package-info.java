/**
 * Open Inference Protocol (KServe v2) REST wire types, with member names exactly as in {@code
 * open-inference-protocol-rest.yaml}: server and model metadata, inference requests and responses,
 * the error body, and the health answers KServe model servers give.
 *
 * <p>Optional members that are {@code null} in Java are left out when written. {@code parameters}
 * are open maps; tensor {@code data} is kept as JSON, since it may be flat or nested and holds
 * numbers, booleans or strings, and {@link io.ponte.api.oip.Tensor} converts it for the common
 * datatypes.
 */
package io.ponte.api.oip;
