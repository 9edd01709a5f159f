package io.ponte.pipelines.adapter.s3;

import io.ponte.pipelines.spi.ObjectStore;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.s3.S3Client;

/** Makes the {@link ObjectStore}: the configured S3 endpoint, or an embedded one started here. */
@Singleton
class S3StoreProducer {

    private static final Logger LOG = Logger.getLogger(S3StoreProducer.class);

    private EmbeddedS3 embedded;
    private S3Client client;

    @Produces
    @Singleton
    ObjectStore objectStore(S3Config config) {
        URI endpoint;
        String accessKeyId;
        String secretAccessKey;
        if (config.endpoint().isPresent()) {
            endpoint = config.endpoint().get();
            accessKeyId = config.accessKeyId()
                    .orElseThrow(() -> new IllegalStateException(
                            "ponte.pipelines.s3.access-key-id is required with ponte.pipelines.s3.endpoint"));
            secretAccessKey = config.secretAccessKey()
                    .orElseThrow(() -> new IllegalStateException(
                            "ponte.pipelines.s3.secret-access-key is required with ponte.pipelines.s3.endpoint"));
        } else {
            try {
                embedded = EmbeddedS3.start(config.embeddedDataDir(), config.embeddedPort());
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "cannot start the embedded S3 API in " + config.embeddedDataDir()
                                + "; set ponte.pipelines.s3.endpoint to use a server instead",
                        e);
            }
            endpoint = embedded.endpoint();
            accessKeyId = embedded.accessKeyId();
            secretAccessKey = embedded.secretAccessKey();
            LOG.infof("embedded S3 API at %s over %s", endpoint, embedded.dataDir());
        }
        client = S3Clients.create(endpoint, config.region(), accessKeyId, secretAccessKey);
        return new S3ObjectStore(
                client,
                config.multipartThreshold().asLongValue(),
                config.partSize().asLongValue());
    }

    @PreDestroy
    void close() {
        if (client != null) {
            client.close();
        }
        if (embedded != null) {
            embedded.close();
        }
    }
}
