package io.ponte.pipelines.adapter.s3;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * An S3 API on the local filesystem (s3proxy over jclouds' filesystem blob store), bound to
 * 127.0.0.1: the object store of a first run, with nothing to install. Buckets are directories
 * under {@link #dataDir()}. Credentials are generated per start, so only this process can write.
 */
public final class EmbeddedS3 implements AutoCloseable {

    private final S3Proxy proxy;
    private final BlobStoreContext context;
    private final Path dataDir;
    private final String accessKeyId;
    private final String secretAccessKey;

    private EmbeddedS3(
            S3Proxy proxy, BlobStoreContext context, Path dataDir, String accessKeyId, String secretAccessKey) {
        this.proxy = proxy;
        this.context = context;
        this.dataDir = dataDir;
        this.accessKeyId = accessKeyId;
        this.secretAccessKey = secretAccessKey;
    }

    /**
     * Starts the S3 API over {@code dataDir} on 127.0.0.1.
     *
     * @param port the port, 0 for a free one
     */
    public static EmbeddedS3 start(Path dataDir, int port) throws IOException {
        Path dir = dataDir.toAbsolutePath();
        Files.createDirectories(dir);
        Properties properties = new Properties();
        properties.setProperty("jclouds.filesystem.basedir", dir.toString());
        BlobStoreContext context =
                ContextBuilder.newBuilder("filesystem").overrides(properties).buildView(BlobStoreContext.class);
        String accessKeyId = "ponte-" + random(8);
        String secretAccessKey = random(24);
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(context.getBlobStore())
                .endpoint(URI.create("http://127.0.0.1:" + port))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKeyId, secretAccessKey)
                .ignoreUnknownHeaders(true)
                .build();
        try {
            proxy.start();
            awaitStarted(proxy);
        } catch (Exception e) {
            context.close();
            throw new IOException("cannot start the embedded S3 API on 127.0.0.1:" + port, e);
        }
        return new EmbeddedS3(proxy, context, dir, accessKeyId, secretAccessKey);
    }

    /** Where clients reach it, e.g. {@code http://127.0.0.1:41234}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    public Path dataDir() {
        return dataDir;
    }

    public String accessKeyId() {
        return accessKeyId;
    }

    public String secretAccessKey() {
        return secretAccessKey;
    }

    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception e) {
            // stopping a Jetty server that failed half-way; nothing else to release
        } finally {
            context.close();
        }
    }

    private static void awaitStarted(S3Proxy proxy) throws InterruptedException, IOException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!"STARTED".equals(proxy.getState())) {
            if (Instant.now().isAfter(deadline)) {
                throw new IOException("s3proxy state " + proxy.getState() + " after 30 s");
            }
            Thread.sleep(5);
        }
    }

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
