package io.ponte.pipelines.adapter.s3;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/** Every {@code ponte.pipelines.s3.*} setting: where artifacts and logs are stored. */
@ConfigMapping(prefix = "ponte.pipelines.s3")
public interface S3Config {

    /**
     * The S3 API to use, e.g. {@code http://minio.storage:9000} (MinIO, Ceph RGW, AWS). When absent
     * the runner starts an embedded S3 API on 127.0.0.1 over {@link #embeddedDataDir()}.
     */
    Optional<URI> endpoint();

    /** The region sent to the endpoint; most S3-compatible stores ignore it. */
    @WithDefault("us-east-1")
    String region();

    /** The access key id for {@link #endpoint()}; required with it. */
    Optional<String> accessKeyId();

    /** The secret access key for {@link #endpoint()}; required with it, never logged. */
    Optional<String> secretAccessKey();

    /**
     * Where the embedded S3 API keeps its buckets (one directory each), relative to the working
     * directory; used only without {@link #endpoint()}.
     */
    @WithDefault("pipelines-s3")
    Path embeddedDataDir();

    /** The embedded S3 API's port on 127.0.0.1; 0 picks a free one. */
    @WithDefault("0")
    @Min(0)
    @Max(65535)
    int embeddedPort();

    /** Files larger than this are uploaded in parts. */
    @WithDefault("16M")
    MemorySize multipartThreshold();

    /** The size of each part of a multipart upload; S3 requires at least 5M. */
    @WithDefault("8M")
    MemorySize partSize();
}
