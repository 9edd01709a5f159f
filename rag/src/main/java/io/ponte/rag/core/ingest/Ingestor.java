package io.ponte.rag.core.ingest;

import io.ponte.rag.config.RagConfig;
import io.ponte.rag.core.Passage;
import io.ponte.rag.core.RagException;
import io.ponte.rag.spi.Embedder;
import io.ponte.rag.spi.PassageIndex;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Brings a collection in line with a directory: files whose content hash is unchanged are skipped, changed files
 * are re-parsed and re-embedded, deleted files leave the index. Each file is replaced whole, so a search never
 * sees half of a file, and a file that fails to parse keeps its earlier passages.
 */
@ApplicationScoped
public class Ingestor {

    private static final Logger LOG = Logger.getLogger(Ingestor.class);
    private static final Pattern COLLECTION = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    private static final int EMBED_BATCH = 32;

    private final PassageIndex index;
    private final Embedder embedder;
    private final RagConfig config;
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    private final DocumentParser parser = new DocumentParser();
    private final Splitter splitter = new Splitter();
    private final SourceWalker walker = new SourceWalker();

    public Ingestor(PassageIndex index, Embedder embedder, RagConfig config) {
        this.index = index;
        this.embedder = embedder;
        this.config = config;
    }

    public IngestReport ingest(String collection, Path path) {
        checkCollection(collection);
        Path target = allowed(path);
        synchronized (locks.computeIfAbsent(collection, c -> new Object())) {
            return Files.isDirectory(target) ? directory(collection, target) : singleFile(collection, target);
        }
    }

    private IngestReport directory(String collection, Path root) {
        long start = System.nanoTime();
        SourceWalker.Listing listing = walker.walk(root);
        List<String> files = listing.files();
        Map<String, String> known = index.fileHashes(collection);
        Counts counts = new Counts();
        listing.skipped().forEach(s -> counts.failed.add(new IngestReport.Failure(s.path(), s.reason())));
        for (String file : files) {
            ingestFile(collection, root, file, known.get(file), counts);
        }
        Set<String> present = new HashSet<>(files);
        for (String file : known.keySet()) {
            if (!present.contains(file)) {
                index.deleteFile(collection, file);
                counts.removed++;
            }
        }
        index.commit();
        return counts.report(collection, root, files.size(), start);
    }

    private IngestReport singleFile(String collection, Path file) {
        long start = System.nanoTime();
        Counts counts = new Counts();
        String name = file.getFileName().toString();
        if (!DocumentParser.supports(name)) {
            throw new RagException(
                    RagException.Reason.UNSUPPORTED,
                    "path",
                    name + ": unsupported document; ingestion reads md, markdown, mdx, rst, txt, html, htm and pdf");
        }
        ingestFile(
                collection, file.getParent(), name, index.fileHashes(collection).get(name), counts);
        index.commit();
        return counts.report(collection, file, 1, start);
    }

    private void ingestFile(String collection, Path root, String file, String knownHash, Counts counts) {
        try {
            byte[] content = Files.readAllBytes(root.resolve(file));
            String hash = ContentHash.of(content);
            if (hash.equals(knownHash)) {
                counts.unchanged++;
                return;
            }
            List<Passage> passages = splitter.split(collection, file, parser.parse(file, content));
            index.replaceFile(collection, file, hash, passages, embed(passages));
            counts.passages += passages.size();
            if (knownHash == null) {
                counts.added++;
            } else {
                counts.updated++;
            }
        } catch (IOException | IngestException e) {
            LOG.warnf("not ingested: %s: %s", file, e.getMessage());
            counts.failed.add(new IngestReport.Failure(file, e.getMessage()));
        }
    }

    /** What is embedded is the heading path and the text, so a passage carries its section's topic. */
    private List<float[]> embed(List<Passage> passages) {
        List<float[]> out = new ArrayList<>(passages.size());
        for (int i = 0; i < passages.size(); i += EMBED_BATCH) {
            List<String> batch = passages.subList(i, Math.min(passages.size(), i + EMBED_BATCH)).stream()
                    .map(p -> p.headings().isEmpty() ? p.text() : p.headingPath() + "\n" + p.text())
                    .toList();
            out.addAll(embedder.embedAll(batch));
        }
        return out;
    }

    private Path allowed(Path path) {
        Path real;
        try {
            real = path.toRealPath();
        } catch (IOException e) {
            throw RagException.invalid("path", "path '" + path + "' does not exist or cannot be read");
        }
        for (Path root : allowedRoots()) {
            try {
                if (real.startsWith(root.toRealPath())) {
                    return real;
                }
            } catch (IOException e) {
                // a configured root that does not exist allows nothing
            }
        }
        throw new RagException(
                RagException.Reason.FORBIDDEN_PATH,
                "path",
                "path '" + path + "' is outside the directories ingestion may read (ponte.rag.allowed-roots)");
    }

    private List<Path> allowedRoots() {
        List<Path> roots = new ArrayList<>(config.allowedRoots().orElse(List.of()));
        roots.addAll(config.ingestOnStart().values());
        return roots;
    }

    static void checkCollection(String collection) {
        if (collection == null || !COLLECTION.matcher(collection).matches()) {
            throw RagException.invalid(
                    "collection",
                    "a collection name is 1-64 of a-z, 0-9, '-' and '_', starting with a letter or digit, not '"
                            + collection + "'");
        }
    }

    private static final class Counts {
        int added;
        int updated;
        int unchanged;
        int removed;
        int passages;
        final List<IngestReport.Failure> failed = new ArrayList<>();

        IngestReport report(String collection, Path root, int files, long start) {
            return new IngestReport(
                    collection,
                    root.toString(),
                    files,
                    added,
                    updated,
                    unchanged,
                    removed,
                    List.copyOf(failed),
                    passages,
                    (System.nanoTime() - start) / 1_000_000);
        }
    }
}
