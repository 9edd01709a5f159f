package io.ponte.pipelines.adapter.s3;

import io.ponte.pipelines.spi.ObjectStore;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The {@link ObjectStore} on any S3 API (path-style addressing), the embedded {@link EmbeddedS3}
 * included. Every object written here carries its SHA-256 as user metadata ({@value #SHA256}), so
 * {@link #contentHash} reads one header instead of the object; objects written by others are hashed
 * by reading them. Files above the multipart threshold go up in parts, so their size is bounded by
 * the store, not by memory. Buckets are created on first write.
 */
public final class S3ObjectStore implements ObjectStore {

    /** The user-metadata key holding an object's SHA-256 (hex); S3 sends it as {@code x-amz-meta-sha256}. */
    static final String SHA256 = "sha256";

    private static final String OCTETS = "application/octet-stream";

    private final S3Client s3;
    private final MultipartUpload multipart;
    private final long multipartThreshold;
    private final Set<String> knownBuckets = ConcurrentHashMap.newKeySet();

    /**
     * @param s3 a client configured for the endpoint (see {@link S3Clients})
     * @param multipartThreshold files larger than this many bytes are uploaded in parts
     * @param partSize the part size of multipart uploads (S3 requires at least 5 MiB)
     */
    public S3ObjectStore(S3Client s3, long multipartThreshold, long partSize) {
        if (partSize < MultipartUpload.MIN_PART_SIZE) {
            throw new IllegalArgumentException("S3 parts are at least 5 MiB, not " + partSize + " bytes");
        }
        this.s3 = s3;
        this.multipart = new MultipartUpload(s3, partSize);
        this.multipartThreshold = Math.max(multipartThreshold, partSize);
    }

    @Override
    public void upload(Path source, String uri) throws IOException {
        S3Location target = S3Location.parse(uri);
        if (Files.isDirectory(source)) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(source)) {
                files = walk.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path file : files) {
                String relative = source.relativize(file)
                        .toString()
                        .replace(file.getFileSystem().getSeparator(), "/");
                uploadFile(file, target.child(relative));
            }
        } else if (Files.isRegularFile(source)) {
            uploadFile(source, target);
        } else {
            throw new NoSuchFileException(source.toString());
        }
    }

    @Override
    public void put(String uri, byte[] content, String contentType) throws IOException {
        S3Location target = object(uri);
        call(target, () -> {
            ensureBucket(target.bucket());
            s3.putObject(
                    b -> b.bucket(target.bucket())
                            .key(target.key())
                            .contentType(contentType == null ? OCTETS : contentType)
                            .metadata(Map.of(SHA256, Sha256.of(content))),
                    RequestBody.fromBytes(content));
            return null;
        });
    }

    @Override
    public void download(String uri, Path target) throws IOException {
        S3Location source = S3Location.parse(uri);
        if (exists(source)) {
            fetch(source, target);
            return;
        }
        List<S3Object> under = listUnder(source);
        if (under.isEmpty()) {
            throw new FileNotFoundException("nothing stored at " + uri);
        }
        Path root = target.toAbsolutePath().normalize();
        for (S3Object object : under) {
            String relative = object.key().substring(source.dirPrefix().length());
            Path file = root.resolve(relative).normalize();
            if (!file.startsWith(root) || file.equals(root)) {
                throw new IOException("object key " + object.key() + " would land outside " + target);
            }
            fetch(new S3Location(source.bucket(), object.key()), file);
        }
    }

    @Override
    public Optional<InputStream> open(String uri) throws IOException {
        S3Location source = S3Location.parse(uri);
        if (source.key().isEmpty()) {
            return Optional.empty();
        }
        return call(source, () -> {
            try {
                return Optional.<InputStream>of(
                        s3.getObject(b -> b.bucket(source.bucket()).key(source.key())));
            } catch (NoSuchKeyException | NoSuchBucketException e) {
                return Optional.empty();
            }
        });
    }

    @Override
    public Optional<String> contentHash(String uri) throws IOException {
        S3Location location = S3Location.parse(uri);
        Optional<HeadObjectResponse> head = head(location);
        if (head.isPresent()) {
            return Optional.of(objectHash(location, head.get()));
        }
        List<S3Object> under = listUnder(location);
        if (under.isEmpty()) {
            return Optional.empty();
        }
        MessageDigest prefixDigest = Sha256.digest();
        for (S3Object object : under) {
            S3Location child = new S3Location(location.bucket(), object.key());
            String relative = object.key().substring(location.dirPrefix().length());
            String hash = objectHash(child, head(child).orElseThrow(() -> new FileNotFoundException(child.uri())));
            prefixDigest.update((relative + "\0" + hash + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return Optional.of(HexFormat.of().formatHex(prefixDigest.digest()));
    }

    @Override
    public List<String> list(String prefixUri) throws IOException {
        S3Location prefix = S3Location.parse(prefixUri);
        List<String> uris = new ArrayList<>();
        if (exists(prefix)) {
            uris.add(prefix.uri());
        }
        for (S3Object object : listUnder(prefix)) {
            uris.add(S3Location.uri(prefix.bucket(), object.key()));
        }
        return uris;
    }

    private void uploadFile(Path file, S3Location target) throws IOException {
        if (target.key().isEmpty()) {
            throw new IllegalArgumentException("an object needs a key, not just a bucket: " + target);
        }
        String sha256 = Sha256.of(file);
        long size = Files.size(file);
        call(target, () -> {
            ensureBucket(target.bucket());
            if (size > multipartThreshold) {
                multipart.upload(file, size, target, Map.of(SHA256, sha256));
            } else {
                s3.putObject(
                        b -> b.bucket(target.bucket())
                                .key(target.key())
                                .contentType(OCTETS)
                                .metadata(Map.of(SHA256, sha256)),
                        RequestBody.fromFile(file));
            }
            return null;
        });
    }

    private void fetch(S3Location source, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path partial = Files.createTempFile(parent, ".download-", ".part");
        try {
            call(source, () -> {
                try (ResponseInputStream<GetObjectResponse> in =
                        s3.getObject(b -> b.bucket(source.bucket()).key(source.key()))) {
                    Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                }
                return null;
            });
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private String objectHash(S3Location location, HeadObjectResponse head) throws IOException {
        String stored = head.metadata().get(SHA256);
        if (stored != null && stored.matches("[0-9a-f]{64}")) {
            return stored;
        }
        return call(location, () -> {
            try (InputStream in = s3.getObject(b -> b.bucket(location.bucket()).key(location.key()))) {
                return Sha256.of(in);
            }
        });
    }

    private boolean exists(S3Location location) throws IOException {
        return head(location).isPresent();
    }

    private Optional<HeadObjectResponse> head(S3Location location) throws IOException {
        if (location.key().isEmpty()) {
            return Optional.empty();
        }
        return call(location, () -> {
            try {
                return Optional.of(
                        s3.headObject(b -> b.bucket(location.bucket()).key(location.key())));
            } catch (NoSuchKeyException | NoSuchBucketException e) {
                return Optional.empty();
            } catch (S3Exception e) {
                if (e.statusCode() == 404) {
                    return Optional.empty();
                }
                throw e;
            }
        });
    }

    /** Every object strictly under the location as a directory, in key order; no directory markers. */
    private List<S3Object> listUnder(S3Location location) throws IOException {
        return call(location, () -> {
            try {
                List<S3Object> objects = new ArrayList<>();
                s3
                        .listObjectsV2Paginator(b -> b.bucket(location.bucket()).prefix(location.dirPrefix()))
                        .contents()
                        .stream()
                        .filter(o -> !o.key().endsWith("/")) // directory markers some stores list
                        .forEach(objects::add);
                return objects;
            } catch (NoSuchBucketException e) {
                return List.of();
            }
        });
    }

    private void ensureBucket(String bucket) {
        if (knownBuckets.contains(bucket)) {
            return;
        }
        try {
            s3.headBucket(b -> b.bucket(bucket));
        } catch (NoSuchBucketException e) {
            try {
                s3.createBucket(b -> b.bucket(bucket));
            } catch (BucketAlreadyOwnedByYouException raced) {
                // another writer created it first
            }
        }
        knownBuckets.add(bucket);
    }

    /** A call to S3 whose SDK failures become {@link IOException}s that name the object. */
    private static <T> T call(S3Location location, S3Call<T> call) throws IOException {
        try {
            return call.run();
        } catch (S3Exception e) {
            String code =
                    e.awsErrorDetails() == null ? "" : " " + e.awsErrorDetails().errorCode();
            throw new IOException("S3 refused " + location + ": HTTP " + e.statusCode() + code, e);
        } catch (SdkException e) {
            throw new IOException("S3 unreachable for " + location + ": " + e.getMessage(), e);
        }
    }

    private static S3Location object(String uri) {
        S3Location location = S3Location.parse(uri);
        if (location.key().isEmpty()) {
            throw new IllegalArgumentException("an object needs a key, not just a bucket: " + uri);
        }
        return location;
    }

    @FunctionalInterface
    private interface S3Call<T> {
        T run() throws IOException;
    }
}
