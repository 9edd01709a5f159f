package io.ponte.bench.pipelines;

import io.ponte.pipelines.adapter.s3.EmbeddedS3;
import io.ponte.pipelines.adapter.s3.S3Clients;
import io.ponte.pipelines.adapter.s3.S3ObjectStore;
import io.ponte.pipelines.spi.ObjectStore;
import java.io.IOException;
import java.nio.file.Path;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The runner's default object store, wired as its {@code S3StoreProducer} does without {@code
 * ponte.pipelines.s3.endpoint}: an embedded S3 API over a local directory, the AWS SDK client, 16 MiB multipart
 * threshold, 8 MiB parts.
 */
final class ObjectStores implements AutoCloseable {

    private final EmbeddedS3 s3;
    private final S3Client client;
    private final ObjectStore store;

    ObjectStores(Path dataDir) throws IOException {
        this.s3 = EmbeddedS3.start(dataDir, 0);
        this.client = S3Clients.create(s3.endpoint(), "us-east-1", s3.accessKeyId(), s3.secretAccessKey());
        this.store = new S3ObjectStore(client, 16L << 20, 8L << 20);
    }

    ObjectStore store() {
        return store;
    }

    @Override
    public void close() {
        client.close();
        s3.close();
    }
}
