package io.ponte.pipelines.adapter.memory;

import io.ponte.pipelines.spi.ObjectStore;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * An {@link ObjectStore} on a local directory: {@code s3://bucket/key} is the file {@code
 * root/bucket/key}. For unit tests of the engine and for {@code ponte.pipelines.object-store=filesystem}.
 */
public class FileSystemObjectStore implements ObjectStore {

    private final Path root;

    public FileSystemObjectStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** The file or directory that holds {@code uri}. */
    public Path resolve(String uri) {
        URI u = URI.create(uri.replace(" ", "%20"));
        if (!"s3".equals(u.getScheme()) || u.getHost() == null) {
            throw new IllegalArgumentException("not an s3://bucket/key URI: " + uri);
        }
        String key = u.getPath() == null ? "" : u.getPath();
        Path p = root.resolve(u.getHost())
                .resolve(key.startsWith("/") ? key.substring(1) : key)
                .normalize();
        if (!p.startsWith(root)) {
            throw new IllegalArgumentException("URI escapes the store: " + uri);
        }
        return p;
    }

    @Override
    public void upload(Path source, String uri) throws IOException {
        Path target = resolve(uri);
        if (Files.isDirectory(source)) {
            try (Stream<Path> files = Files.walk(source)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    Path t = target.resolve(source.relativize(f).toString());
                    Files.createDirectories(t.getParent());
                    Files.copy(f, t, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } else {
            Files.createDirectories(target.getParent());
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public void put(String uri, byte[] content, String contentType) throws IOException {
        Path target = resolve(uri);
        Files.createDirectories(target.getParent());
        Files.write(target, content);
    }

    @Override
    public void download(String uri, Path target) throws IOException {
        Path source = resolve(uri);
        if (Files.isRegularFile(source)) {
            Files.createDirectories(target.toAbsolutePath().getParent());
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        } else if (Files.isDirectory(source)) {
            try (Stream<Path> files = Files.walk(source)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    Path t = target.resolve(source.relativize(f).toString());
                    Files.createDirectories(t.getParent());
                    Files.copy(f, t, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } else {
            throw new FileNotFoundException("nothing stored at " + uri);
        }
    }

    @Override
    public Optional<InputStream> open(String uri) throws IOException {
        Path p = resolve(uri);
        return Files.isRegularFile(p) ? Optional.of(Files.newInputStream(p)) : Optional.empty();
    }

    @Override
    public Optional<String> contentHash(String uri) throws IOException {
        Path p = resolve(uri);
        if (Files.isRegularFile(p)) {
            return Optional.of(sha256(Files.readAllBytes(p)));
        }
        if (!Files.isDirectory(p)) {
            return Optional.empty();
        }
        StringBuilder listing = new StringBuilder();
        try (Stream<Path> files = Files.walk(p)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                listing.append(p.relativize(f))
                        .append('\u0000')
                        .append(sha256(Files.readAllBytes(f)))
                        .append('\n');
            }
        }
        return Optional.of(sha256(listing.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Override
    public List<String> list(String prefixUri) throws IOException {
        Path p = resolve(prefixUri);
        List<String> out = new ArrayList<>();
        String base = prefixUri.endsWith("/") ? prefixUri.substring(0, prefixUri.length() - 1) : prefixUri;
        if (Files.isRegularFile(p)) {
            return List.of(base);
        }
        if (Files.isDirectory(p)) {
            try (Stream<Path> files = Files.walk(p)) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    out.add(base + "/" + p.relativize(f).toString().replace('\\', '/'));
                }
            }
        }
        return out;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
