/**
 * The pipeline runner as {@code ponte run}, {@code ponte runs} and {@code ponte pipelines} see it:
 * its KFP v2beta1-style REST API under {@code /apis/v2beta1}, reached over HTTP only.
 */
package io.ponte.cli.pipelines;
