package io.ponte.bench.rag;

import io.ponte.bench.common.Cpu;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The ingestion phases, against a service with an empty index: the whole corpus into a fresh collection (tried again
 * when other programs took the CPUs), then re-ingests with nothing changed, with one file changed (a paragraph
 * appended), and with one file deleted and put back. Files are changed in the harness's copy of the corpus and put back
 * as they were after each phase.
 */
final class IngestPhases {

    /** Appended to a file to change it; numbered so that every change has a new content hash. */
    private static final String PARAGRAPH = "\n\nBenchmark note %d: the operator appended this paragraph to check that"
            + " a re-ingest re-embeds only the file that changed and leaves the other files of the collection as"
            + " they were, with their passages, vectors and content hashes untouched.\n";

    private final RagApi api;
    private final RagService service;
    private final Params params;
    private final Path corpus;
    private final Path empty;
    private final Path held;
    private final Cpu cpu;

    IngestPhases(RagApi api, RagService service, Params params, Path corpus, Path work) throws IOException {
        this.api = api;
        this.service = service;
        this.params = params;
        this.corpus = corpus;
        this.empty = Files.createDirectories(work.resolve("empty"));
        this.held = Files.createDirectories(work.resolve("held"));
        this.cpu = new Cpu(Map.of(
                "service", service.pid(), "harness", ProcessHandle.current().pid()));
    }

    /**
     * The full ingest, until one ran with other programs under the limit or the tries are spent; before each try
     * after the first, the collection is emptied (an ingest of an empty directory removes every file).
     */
    List<IngestStep> full() throws Exception {
        List<IngestStep> tries = new ArrayList<>();
        for (int attempt = 0; attempt < params.tries(); attempt++) {
            if (attempt > 0) {
                RagBench.log(
                        "  other programs took %.0f %% of the CPUs; emptying the collection, waiting for quiet",
                        tries.getLast().cpu().othersPercent());
                api.ingest(params.collection(), empty);
            }
            params.awaitQuiet();
            IngestStep step = measure("full", attempt, "added=" + files(), true);
            tries.add(step);
            RagBench.log(
                    "full ingest: %s in %,d ms (service), others %.0f %%",
                    step.counts(), step.serviceMs(), step.cpu().othersPercent());
            if (!(step.cpu().othersPercent() >= params.maxOthersPercent())) {
                break;
            }
        }
        return tries;
    }

    /** Re-ingests of the unchanged corpus. */
    List<IngestStep> unchanged() throws Exception {
        List<IngestStep> steps = new ArrayList<>();
        for (int i = 0; i < params.repeats(); i++) {
            steps.add(measure("unchanged", 0, "updated=0,added=0,removed=0", false));
        }
        return steps;
    }

    /** Re-ingests after appending a paragraph to {@code file}, each time another; the file is put back after. */
    List<IngestStep> changed(String label, Path file) throws Exception {
        byte[] original = Files.readAllBytes(file);
        List<IngestStep> steps = new ArrayList<>();
        try {
            for (int i = 0; i < params.repeats(); i++) {
                Files.writeString(file, PARAGRAPH.formatted(i + 1), StandardOpenOption.APPEND);
                steps.add(measure(label, 0, "updated=1,added=0,removed=0", false));
            }
        } finally {
            Files.write(file, original);
        }
        steps.add(measure(label + ", put back", 0, "updated=1", false));
        return steps;
    }

    /** Re-ingests after moving {@code file} out of the corpus, then after moving it back (re-embedded). */
    List<IngestStep> deleted(Path file) throws Exception {
        List<IngestStep> steps = new ArrayList<>();
        Path aside = held.resolve(file.getFileName());
        for (int i = 0; i < params.repeats(); i++) {
            Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            try {
                steps.add(measure("one file deleted", 0, "removed=1,updated=0,added=0", false));
            } finally {
                Files.move(aside, file);
            }
            steps.add(measure("deleted file back", 0, "added=1,updated=0,removed=0", false));
        }
        return steps;
    }

    /** The corpus's text files by size, smallest first (ties by path), for picking the files to change. */
    List<Path> filesBySize() throws IOException {
        try (Stream<Path> walk = Files.walk(corpus)) {
            return walk.filter(Files::isRegularFile)
                    .sorted(Comparator.comparingLong(IngestPhases::size).thenComparing(Path::toString))
                    .toList();
        }
    }

    private int files() throws IOException {
        return filesBySize().size();
    }

    private IngestStep measure(String phase, int attempt, String expected, boolean threads) throws Exception {
        ThreadCpu roles = threads ? ThreadCpu.start(service.pid()) : null;
        var before = cpu.snapshot();
        long start = System.nanoTime();
        JsonObject report = api.ingest(params.collection(), corpus);
        double wallMs = (System.nanoTime() - start) / 1e6;
        Cpu.Use use = Cpu.between(before, cpu.snapshot());
        IngestStep step = new IngestStep(
                phase, attempt, expected, report, wallMs, use, roles == null ? Map.of() : roles.byRole());
        if (!step.asExpected()) {
            RagBench.log("  %s: expected %s, the service reported %s", phase, expected, step.counts());
        }
        return step;
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }
}
