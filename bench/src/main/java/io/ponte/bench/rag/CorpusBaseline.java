package io.ponte.bench.rag;

import dev.langchain4j.data.segment.TextSegment;
import io.ponte.bench.common.Cpu;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What embedding the corpus costs without the service: every word of its text files (raw, markup included), cut into
 * as many chunks as the service made passages (chunks do not cross files), embedded {@value #BATCH} at a time like
 * {@code Ingestor} does, by the in-process model in one {@link EmbeddingBaseline.Variant}.
 *
 * @param seconds wall time of the embedding alone
 * @param cpuMs CPU the harness spent meanwhile
 * @param othersPercent share of the CPUs other programs (not the service, not the harness) took meanwhile
 */
record CorpusBaseline(
        EmbeddingBaseline.Variant variant,
        int chunks,
        int wordsPerChunk,
        long words,
        double seconds,
        double cpuMs,
        double othersPercent) {

    /** What ingestion reads (rag's DocumentParser); the corpus has no PDF. */
    private static final Set<String> TEXT_FILES = Set.of("md", "markdown", "mdx", "rst", "txt", "html", "htm");

    /** The service's batch: Ingestor hands the model 32 passages at a time. */
    static final int BATCH = 32;

    /** {@link #measure}, tried again while other programs took the CPUs; the least disturbed try. */
    static CorpusBaseline leastDisturbed(
            Params params, EmbeddingBaseline.Variant variant, Path corpus, int passages, long servicePid)
            throws Exception {
        CorpusBaseline best = null;
        for (int attempt = 0; attempt < params.tries(); attempt++) {
            params.awaitQuiet();
            CorpusBaseline b = measure(variant, corpus, passages, servicePid);
            RagBench.log(
                    "baseline %s, try %d: %d chunks of %d words embedded in-process in %.1f s, %.1f CPU-s, others %.0f %%",
                    variant,
                    attempt + 1,
                    b.chunks(),
                    b.wordsPerChunk(),
                    b.seconds(),
                    b.cpuMs() / 1000,
                    b.othersPercent());
            if (best == null || RagBench.quiet(b.othersPercent()) < RagBench.quiet(best.othersPercent())) {
                best = b;
            }
            if (RagBench.quiet(b.othersPercent()) < params.maxOthersPercent()) {
                break;
            }
        }
        return best;
    }

    static CorpusBaseline measure(EmbeddingBaseline.Variant variant, Path corpus, int passages, long servicePid)
            throws Exception {
        List<String[]> files = words(corpus);
        long words = files.stream().mapToLong(f -> f.length).sum();
        int perChunk = (int) Math.max(1, Math.round((double) words / Math.max(1, passages)));
        List<TextSegment> chunks = new ArrayList<>();
        for (String[] f : files) {
            for (int i = 0; i < f.length; i += perChunk) {
                chunks.add(TextSegment.from(
                        String.join(" ", Arrays.copyOfRange(f, i, Math.min(f.length, i + perChunk)))));
            }
        }
        var cpu = new Cpu(
                Map.of("service", servicePid, "harness", ProcessHandle.current().pid()));
        try (var model = new EmbeddingBaseline(variant)) {
            model.embedOne("warm-up"); // session and tokenizer are ready before the clock starts
            var before = cpu.snapshot();
            long start = System.nanoTime();
            for (int i = 0; i < chunks.size(); i += BATCH) {
                model.embedAll(chunks.subList(i, Math.min(chunks.size(), i + BATCH)));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            Cpu.Use use = Cpu.between(before, cpu.snapshot());
            return new CorpusBaseline(
                    variant,
                    chunks.size(),
                    perChunk,
                    words,
                    seconds,
                    use.cpuMs().get("harness"),
                    use.othersPercent());
        }
    }

    JsonObject toJson() {
        return new JsonObject()
                .put("variant", variant.name().toLowerCase(Locale.ROOT))
                .put("session", variant.description)
                .put("chunks", chunks)
                .put("words_per_chunk", wordsPerChunk)
                .put("words", words)
                .put("seconds", Math.round(seconds * 1000) / 1000.0)
                .put("harness_cpu_ms", Math.round(cpuMs))
                .put("other_processes_percent", Double.isNaN(othersPercent) ? null : Math.round(othersPercent));
    }

    private static List<String[]> words(Path corpus) throws IOException {
        List<String[]> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(corpus)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                if (TEXT_FILES.contains(extension(p))) {
                    String text = Files.readString(p).strip();
                    files.add(text.isEmpty() ? new String[0] : text.split("\\s+"));
                }
            }
        }
        return files;
    }

    private static String extension(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
