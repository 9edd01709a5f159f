/**
 * The object store on S3: {@link io.ponte.pipelines.adapter.s3.S3ObjectStore} on any S3 API, and
 * {@link io.ponte.pipelines.adapter.s3.EmbeddedS3}, an S3 API on the local filesystem that is the
 * default when {@code ponte.pipelines.s3.endpoint} is not set.
 */
package io.ponte.pipelines.adapter.s3;
