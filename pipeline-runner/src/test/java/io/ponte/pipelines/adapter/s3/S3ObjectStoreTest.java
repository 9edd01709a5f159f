package io.ponte.pipelines.adapter.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.ponte.pipelines.adapter.ObjectStoreContractTest;
import io.ponte.pipelines.spi.ObjectStore;
import io.ponte.pipelines.testing.S3Service;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** The S3 adapter against a real S3 API (s3proxy on loopback unless the environment names one). */
class S3ObjectStoreTest extends ObjectStoreContractTest {

    private static final long PART = MultipartUpload.MIN_PART_SIZE;
    private static S3Client client;
    private static S3ObjectStore store;

    @BeforeAll
    static void connect() {
        client = S3Service.endpoint().client();
        store = new S3ObjectStore(client, PART, PART);
    }

    @AfterAll
    static void close() {
        client.close();
    }

    @Override
    protected ObjectStore store() {
        return store;
    }

    @Test
    void a_file_above_the_threshold_goes_up_in_parts_and_comes_back_whole() throws IOException {
        byte[] content = new byte[(int) (2 * PART + 12345)];
        new Random(11).nextBytes(content);
        Path file = Files.write(tmp.resolve("big.bin"), content);

        store.upload(file, uri("big.bin"));

        S3Location stored = S3Location.parse(uri("big.bin"));
        String etag = client.headObject(b -> b.bucket(stored.bucket()).key(stored.key()))
                .eTag();
        assertThat(etag).as("a multipart ETag ends in the part count").endsWith("-3\"");
        Path back = tmp.resolve("back.bin");
        store.download(uri("big.bin"), back);
        assertThat(Files.readAllBytes(back)).isEqualTo(content);
        assertThat(store.contentHash(uri("big.bin"))).contains(sha256(content));
    }

    @Test
    void the_hash_of_an_object_written_by_another_client_is_computed_from_its_bytes() throws IOException {
        S3Location foreign = S3Location.parse(uri("foreign.txt"));
        store.put(uri("create-bucket"), bytes("x"), "text/plain");
        client.putObject(b -> b.bucket(foreign.bucket()).key(foreign.key()), RequestBody.fromString("from elsewhere"));

        assertThat(store.contentHash(uri("foreign.txt"))).contains(sha256(bytes("from elsewhere")));
    }

    @Test
    void the_stored_hash_is_read_from_metadata_without_reading_the_object() throws IOException {
        S3Location tagged = S3Location.parse(uri("tagged.bin"));
        store.put(uri("create-bucket"), bytes("x"), "text/plain");
        String recorded = sha256(bytes("what the writer hashed"));
        client.putObject(
                b -> b.bucket(tagged.bucket()).key(tagged.key()).metadata(Map.of(S3ObjectStore.SHA256, recorded)),
                RequestBody.fromString("bytes that differ"));

        assertThat(store.contentHash(uri("tagged.bin"))).contains(recorded);
    }

    @Test
    void uploads_carry_their_sha256_as_object_metadata() throws IOException {
        store.put(uri("m"), bytes("metadata"), "text/plain");

        S3Location stored = S3Location.parse(uri("m"));
        Map<String, String> metadata = client.headObject(
                        b -> b.bucket(stored.bucket()).key(stored.key()))
                .metadata();
        assertThat(metadata).containsEntry(S3ObjectStore.SHA256, sha256(bytes("metadata")));
    }

    @Test
    void a_key_that_climbs_out_of_its_prefix_is_refused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.put(uri("a/../../b"), bytes("x"), "text/plain"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_embedded_api_refuses_other_credentials() throws IOException {
        store.put(uri("private"), bytes("secret"), "text/plain");
        S3Location stored = S3Location.parse(uri("private"));
        try (S3Client stranger = S3Clients.create(S3Service.endpoint().uri(), "us-east-1", "someone", "else")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> stranger.getObjectAsBytes(
                            b -> b.bucket(stored.bucket()).key(stored.key())))
                    .isInstanceOf(software.amazon.awssdk.services.s3.model.S3Exception.class)
                    .satisfies(e -> assertThat(((software.amazon.awssdk.services.s3.model.S3Exception) e).statusCode())
                            .isEqualTo(403));
        }
    }
}
