package io.ponte.pipelines.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ponte.pipelines.spi.ObjectStore;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link ObjectStore} adapter must do. A subclass supplies the store and the bucket its
 * tests may write in; each test works under a prefix of its own.
 *
 * <p>Semantics fixed here: a URI is an object or, as a directory, every object under {@code uri/};
 * {@code list} and {@code download} of {@code s3://b/run-1} never include {@code s3://b/run-10/…};
 * the content hash of an object is the SHA-256 (lower-case hex) of its bytes; the hash of a prefix
 * depends on the relative names and contents of the objects under it and on nothing else.
 */
public abstract class ObjectStoreContractTest {

    @TempDir
    protected Path tmp;

    private String root;

    /** The store under test. */
    protected abstract ObjectStore store();

    /** A bucket URI the tests may write in, e.g. {@code s3://ponte-contract}. */
    protected String bucketUri() {
        return "s3://ponte-contract";
    }

    @BeforeEach
    void uniqueRoot() {
        root = bucketUri() + "/" + UUID.randomUUID();
    }

    /** A URI under this test's own prefix. */
    protected String uri(String relative) {
        return root + "/" + relative;
    }

    @Test
    void put_bytes_are_read_back_by_open() throws IOException {
        store().put(uri("a/metrics.json"), "{\"acc\":0.9}".getBytes(StandardCharsets.UTF_8), "application/json");

        assertThat(read(uri("a/metrics.json"))).isEqualTo("{\"acc\":0.9}");
    }

    @Test
    void open_of_a_missing_object_is_empty() throws IOException {
        assertThat(store().open(uri("nothing-here"))).isEmpty();
    }

    @Test
    void put_replaces_an_existing_object() throws IOException {
        store().put(uri("model"), bytes("first"), "text/plain");
        store().put(uri("model"), bytes("second"), "text/plain");

        assertThat(read(uri("model"))).isEqualTo("second");
        assertThat(store().contentHash(uri("model"))).contains(sha256(bytes("second")));
    }

    @Test
    void an_uploaded_file_downloads_with_the_same_bytes() throws IOException {
        byte[] content = new byte[200_000];
        new java.util.Random(7).nextBytes(content);
        Path file = Files.write(tmp.resolve("model.bin"), content);

        store().upload(file, uri("outputs/model"));
        Path back = tmp.resolve("back/model.bin");
        store().download(uri("outputs/model"), back);

        assertThat(Files.readAllBytes(back)).isEqualTo(content);
    }

    @Test
    void an_uploaded_directory_is_stored_file_by_file_under_the_prefix() throws IOException {
        Path dir = tree(
                tmp.resolve("dataset"), "train.csv", "x,y\n1,2\n", "test.csv", "x,y\n3,4\n", "meta/schema.txt", "x y");

        store().upload(dir, uri("dataset"));

        assertThat(store().list(uri("dataset")))
                .containsExactly(uri("dataset/meta/schema.txt"), uri("dataset/test.csv"), uri("dataset/train.csv"));
        Path back = tmp.resolve("restored");
        store().download(uri("dataset"), back);
        assertThat(back.resolve("train.csv")).hasContent("x,y\n1,2\n");
        assertThat(back.resolve("test.csv")).hasContent("x,y\n3,4\n");
        assertThat(back.resolve("meta/schema.txt")).hasContent("x y");
    }

    @Test
    void a_prefix_does_not_reach_siblings_that_share_its_beginning() throws IOException {
        store().put(uri("run-1/log"), bytes("one"), "text/plain");
        store().put(uri("run-10/log"), bytes("ten"), "text/plain");

        assertThat(store().list(uri("run-1"))).containsExactly(uri("run-1/log"));
        assertThat(store().list(uri("run-1/"))).containsExactly(uri("run-1/log"));
        Path back = tmp.resolve("run-1");
        store().download(uri("run-1"), back);
        assertThat(back.resolve("log")).hasContent("one");
        assertThat(Files.exists(back.resolve("run-10"))).isFalse();
    }

    @Test
    void list_of_an_empty_prefix_is_empty() throws IOException {
        assertThat(store().list(uri("empty"))).isEmpty();
    }

    @Test
    void download_of_nothing_is_a_file_not_found() {
        assertThatThrownBy(() -> store().download(uri("missing"), tmp.resolve("x")))
                .isInstanceOf(FileNotFoundException.class);
    }

    @Test
    void upload_of_a_missing_path_fails_and_stores_nothing() throws IOException {
        assertThatThrownBy(() -> store().upload(tmp.resolve("does-not-exist"), uri("x")))
                .isInstanceOf(IOException.class);
        assertThat(store().list(uri("x"))).isEmpty();
    }

    @Test
    void the_hash_of_an_object_is_the_sha256_of_its_bytes() throws IOException {
        byte[] content = bytes("weights v1");
        store().put(uri("w"), content, "application/octet-stream");
        Path file = Files.write(tmp.resolve("f"), bytes("uploaded file"));
        store().upload(file, uri("f"));

        assertThat(store().contentHash(uri("w"))).contains(sha256(content));
        assertThat(store().contentHash(uri("f"))).contains(sha256(bytes("uploaded file")));
    }

    @Test
    void the_hash_of_a_prefix_follows_the_names_and_contents_under_it() throws IOException {
        store().upload(tree(tmp.resolve("a"), "x.txt", "1", "sub/y.txt", "2"), uri("a"));
        store().upload(tree(tmp.resolve("b"), "x.txt", "1", "sub/y.txt", "2"), uri("b"));
        store().upload(tree(tmp.resolve("c"), "x.txt", "1", "sub/y.txt", "3"), uri("c"));
        store().upload(tree(tmp.resolve("d"), "x.txt", "1", "sub/z.txt", "2"), uri("d"));

        Optional<String> a = store().contentHash(uri("a"));
        assertThat(a).isPresent();
        assertThat(a.get()).matches("[0-9a-f]{64}");
        assertThat(store().contentHash(uri("b")))
                .as("same names and bytes elsewhere")
                .isEqualTo(a);
        assertThat(store().contentHash(uri("c"))).as("one byte changed").isNotEqualTo(a);
        assertThat(store().contentHash(uri("d"))).as("one file renamed").isNotEqualTo(a);
    }

    @Test
    void the_hash_of_nothing_is_empty() throws IOException {
        assertThat(store().contentHash(uri("never-written"))).isEmpty();
    }

    @Test
    void a_uri_that_is_not_s3_is_refused() {
        assertThatThrownBy(() -> store().put("file:///etc/passwd", bytes("x"), "text/plain"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Writes files (name, content pairs) under {@code dir}. */
    protected static Path tree(Path dir, String... namesAndContents) throws IOException {
        for (int i = 0; i < namesAndContents.length; i += 2) {
            Path file = dir.resolve(namesAndContents[i]);
            Files.createDirectories(file.getParent());
            Files.writeString(file, namesAndContents[i + 1]);
        }
        return dir;
    }

    protected String read(String uri) throws IOException {
        Optional<InputStream> in = store().open(uri);
        assertThat(in).as("object at " + uri).isPresent();
        try (InputStream stream = in.get()) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    protected static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    protected static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
