package io.ponte.rag.core.ingest;

import io.ponte.rag.config.RagConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * Ingests the configured collections when the service starts, in the background: the service answers at once,
 * and readiness turns green when the first pass is done. Only changed files are re-embedded, so a restart is quick.
 */
@Singleton
public class StartupIngest {

    private static final Logger LOG = Logger.getLogger(StartupIngest.class);

    private final Ingestor ingestor;
    private final Map<String, Path> collections;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "rag-startup-ingest");
        t.setDaemon(true);
        return t;
    });
    private final List<IngestReport> reports = new ArrayList<>();
    private volatile boolean done;

    StartupIngest(Ingestor ingestor, RagConfig config) {
        this.ingestor = ingestor;
        // the default collection first: it is what a first question goes to
        this.collections = new java.util.LinkedHashMap<>();
        String first = config.defaultCollection();
        if (config.ingestOnStart().containsKey(first)) {
            collections.put(first, config.ingestOnStart().get(first));
        }
        new java.util.TreeMap<>(config.ingestOnStart()).forEach(collections::putIfAbsent);
    }

    void start(@Observes StartupEvent event) {
        if (collections.isEmpty()) {
            done = true;
            return;
        }
        worker.submit(this::ingestAll);
    }

    void stop(@Observes ShutdownEvent event) {
        worker.shutdownNow();
    }

    private void ingestAll() {
        try {
            collections.forEach((collection, dir) -> {
                if (!Files.isDirectory(dir)) {
                    LOG.infof("collection %s: %s is not a directory here; skipped", collection, dir);
                    return;
                }
                try {
                    IngestReport r = ingestor.ingest(collection, dir);
                    synchronized (reports) {
                        reports.add(r);
                    }
                    LOG.infof(
                            "collection %s: %d files (%d new, %d changed, %d unchanged, %d removed, %d failed) in %d ms",
                            collection,
                            r.files(),
                            r.added(),
                            r.updated(),
                            r.unchanged(),
                            r.removed(),
                            r.failed().size(),
                            r.millis());
                } catch (RuntimeException e) {
                    LOG.errorf(e, "collection %s: ingestion of %s failed", collection, dir);
                }
            });
        } finally {
            done = true;
        }
    }

    /** Whether the start-up pass has finished (successfully or not). */
    public boolean done() {
        return done;
    }

    public List<IngestReport> reports() {
        synchronized (reports) {
            return List.copyOf(reports);
        }
    }
}
