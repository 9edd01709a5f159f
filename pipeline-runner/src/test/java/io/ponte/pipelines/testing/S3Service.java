package io.ponte.pipelines.testing;

import io.ponte.pipelines.adapter.s3.EmbeddedS3;
import io.ponte.pipelines.adapter.s3.S3Clients;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The one place tests get an S3 API from: the endpoint in {@code PONTE_TEST_S3_ENDPOINT} (with
 * {@code PONTE_TEST_S3_ACCESS_KEY} / {@code PONTE_TEST_S3_SECRET_KEY}) when set, else one embedded
 * s3proxy per test JVM over a temporary directory that is deleted when the JVM exits.
 */
public final class S3Service {

    /** How to reach the S3 API. */
    public record Endpoint(URI uri, String accessKeyId, String secretAccessKey) {
        public S3Client client() {
            return S3Clients.create(uri, "us-east-1", accessKeyId, secretAccessKey);
        }
    }

    private static Endpoint endpoint;

    private S3Service() {}

    public static synchronized Endpoint endpoint() {
        if (endpoint == null) {
            endpoint = resolve();
        }
        return endpoint;
    }

    private static Endpoint resolve() {
        String configured = System.getenv("PONTE_TEST_S3_ENDPOINT");
        if (configured != null && !configured.isBlank()) {
            return new Endpoint(
                    URI.create(configured),
                    System.getenv().getOrDefault("PONTE_TEST_S3_ACCESS_KEY", ""),
                    System.getenv().getOrDefault("PONTE_TEST_S3_SECRET_KEY", ""));
        }
        try {
            Path dir = Files.createTempDirectory("ponte-test-s3-");
            EmbeddedS3 s3 = EmbeddedS3.start(dir, 0);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                s3.close();
                deleteTree(dir);
            }));
            return new Endpoint(s3.endpoint(), s3.accessKeyId(), s3.secretAccessKey());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded S3 API for tests", e);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory; the OS cleans it eventually
        }
    }
}
