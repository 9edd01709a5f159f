package io.ponte.bench.rag;

import io.ponte.bench.common.Cpu;
import io.ponte.bench.common.Git;
import io.ponte.bench.common.Machine;
import io.ponte.bench.common.Recording;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The rag benchmark: starts the rag service three times (ingest; hybrid retrieval; re-ranked retrieval), measures full
 * and incremental ingestion, query latency through the API and resident memory, next to the service's own embedding
 * model run in this process as the baseline. {@code bench/rag/run.sh} builds, copies the corpus and starts this program.
 */
@Command(
        name = "rag-bench",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        showDefaultValues = true,
        description = "Measures rag ingestion, retrieval latency and memory against an in-process embedding baseline.")
public final class RagBench implements Callable<Integer> {

    @Mixin
    Recording recording;

    static final String LIVE = "GET /q/health/live";
    static final String EVAL_DENSE = "eval dense";
    static final String EVAL_HYBRID = "eval hybrid";
    static final String EVAL_RERANK = "eval hybrid_rerank";
    static final String CHAT = "chat";
    static final String EMBED = "embed in-process";

    @Option(names = "--jar", required = true, description = "The service: rag/target/quarkus-app/quarkus-run.jar.")
    Path jar;

    @Option(names = "--corpus", required = true, description = "A copy of the corpus that the benchmark may change.")
    Path corpus;

    @Option(names = "--questions", required = true, description = "Development questions, JSON Lines.")
    Path questionsFile;

    @Option(names = "--work", required = true, description = "Scratch directory: indexes, service logs.")
    Path work;

    @Option(names = "--jvm-opt", description = "A JVM argument of the service (repeatable).")
    List<String> jvmFlags = new ArrayList<>();

    @Option(names = "--cpus", description = "Pin the service to these CPUs with taskset, e.g. 0,1.")
    String cpus;

    @Option(names = "--collection", defaultValue = "infn", description = "The collection ingested and asked.")
    String collection;

    @Option(names = "--quick", description = "Short counts and one try, for checking the harness.")
    boolean quick;

    @Option(names = "--warmup-rounds", description = "Unrecorded rounds over the questions [3; quick 1].")
    Integer warmupRounds;

    @Option(names = "--rounds", description = "Recorded rounds over the questions per query phase [20; quick 3].")
    Integer rounds;

    @Option(names = "--repeats", description = "Re-ingests per incremental phase [5; quick 2].")
    Integer repeats;

    @Option(names = "--tries", description = "Tries of the full ingest and query phases while disturbed [3; quick 1].")
    Integer tries;

    @Option(
            names = "--max-others-percent",
            defaultValue = "10",
            description = "A phase during which other programs used this share of the CPUs is tried again.")
    double maxOthersPercent;

    @Option(names = "--quiet-wait-s", description = "Longest wait for a quiet machine before a phase, s [60; quick 5].")
    Integer quietWaitSeconds;

    @Option(
            names = "--baselines",
            split = ",",
            description = "ONNX Runtime settings of the in-process corpus embedding: service, no_spin, one_thread"
                    + " [all three; quick: service].")
    List<EmbeddingBaseline.Variant> baselines;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the question order.")
    long seed;

    @Option(names = "--full-ingest-target-s", defaultValue = "60", description = "Target: full ingest.")
    double fullIngestTarget;

    @Option(names = "--reingest-target-s", defaultValue = "2", description = "Target: re-ingest, one file changed.")
    double reingestTarget;

    @Option(names = "--retrieval-target-ms", defaultValue = "50", description = "Target: retrieval p95.")
    double retrievalTarget;

    @Option(names = "--rerank-target-ms", defaultValue = "150", description = "Target: re-ranked retrieval p95.")
    double rerankTarget;

    @Option(names = "--rss-target-mb", defaultValue = "1024", description = "Target: resident memory, MiB.")
    double rssTarget;

    public static void main(String[] args) {
        System.exit(new CommandLine(new RagBench())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Params params = params();
        String date = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        Machine machine = Machine.collect();
        Git git = Git.of(recording.repo());
        List<DevQuestion> questions = DevQuestion.load(questionsFile);
        log("%d questions; loading the embedding model in-process (the baseline)", questions.size());
        try (var baseline = new EmbeddingBaseline(QUERY_BASELINE)) {
            write(run(params, date, machine, git, questions, baseline));
        }
        return 0;
    }

    /**
     * The query baseline's session: without spin-waiting, so that the harness's ONNX Runtime threads do not keep a CPU
     * busy for tens of milliseconds after each question, in the middle of the service's next request.
     */
    static final EmbeddingBaseline.Variant QUERY_BASELINE = EmbeddingBaseline.Variant.NO_SPIN;

    private Results run(
            Params params,
            String date,
            Machine machine,
            Git git,
            List<DevQuestion> questions,
            EmbeddingBaseline baseline)
            throws Exception {
        List<ServiceRun> services = new ArrayList<>();

        // 1. Ingestion, on a service with an empty index and no start-up ingestion.
        List<IngestStep> full;
        List<IngestStep> reingests = new ArrayList<>();
        List<CorpusBaseline> corpusBaselines = new ArrayList<>();
        Results.Corpus corpusFacts;
        String transport;
        try (var svc = RagService.start("ingest", launch(params, "index-ingest", false, false), logFile("ingest"));
                var api = new RagApi(svc.url(), collection)) {
            transport = "Vert.x HttpClient on " + api.transport();
            ServiceRun.Start start = svc.awaitReady(api, Optional.empty(), recording.repo());
            var phases = new IngestPhases(api, svc, params, corpus, work);
            List<Path> bySize = phases.filesBySize();
            Path median = bySize.get(bySize.size() / 2);
            Path largest = bySize.getLast();
            corpusFacts = new Results.Corpus(
                    bySize.size(),
                    bySize.stream().mapToLong(p -> p.toFile().length()).sum(),
                    corpus.relativize(median).toString(),
                    Files.size(median),
                    corpus.relativize(largest).toString(),
                    Files.size(largest));
            full = phases.full();
            List<Memory> memory = new ArrayList<>(List.of(Memory.of(svc.pid(), "after the full ingest")));
            int passages = full.getLast().passagesEmbedded();
            for (EmbeddingBaseline.Variant variant : params.baselines()) {
                corpusBaselines.add(CorpusBaseline.leastDisturbed(params, variant, corpus, passages, svc.pid()));
            }
            reingests.addAll(phases.unchanged());
            reingests.addAll(phases.changed(CHANGED_MEDIAN, median));
            reingests.addAll(phases.changed(CHANGED_LARGEST, largest));
            reingests.addAll(phases.deleted(median));
            reingests.forEach(s -> log(
                    "%s: %s in %,d ms (service), %.0f ms round trip",
                    s.phase(), s.counts(), s.serviceMs(), s.wallMs()));
            memory.add(Memory.of(svc.pid(), "after the re-ingests"));
            services.add(new ServiceRun(start, memory));
        }

        // 2. Hybrid retrieval (the default), on a fresh index that the start-up ingestion fills.
        params.awaitQuiet();
        Queried hybrid = queryService(
                params,
                "hybrid",
                false,
                questions,
                api -> List.of(
                        new QueryRounds.QueryPath(LIVE, q -> api.live()),
                        new QueryRounds.QueryPath(EVAL_DENSE, q -> api.eval("dense", q.line())),
                        new QueryRounds.QueryPath(EVAL_HYBRID, q -> api.eval("hybrid", q.line())),
                        new QueryRounds.QueryPath(EVAL_RERANK, q -> api.eval("hybrid_rerank", q.line())),
                        new QueryRounds.QueryPath(CHAT, q -> api.chat(q.question())),
                        new QueryRounds.QueryPath(EMBED, q -> baseline.embedOne(q.question()))));
        services.add(hybrid.service());

        // 3. Re-ranked retrieval: the same index, the service restarted with ponte.rag.retrieval.rerank=true.
        Queried rerank = queryService(
                params,
                "rerank",
                true,
                questions,
                api -> List.of(
                        new QueryRounds.QueryPath(LIVE, q -> api.live()),
                        new QueryRounds.QueryPath(EVAL_HYBRID, q -> api.eval("hybrid", q.line())),
                        new QueryRounds.QueryPath(CHAT, q -> api.chat(q.question())),
                        new QueryRounds.QueryPath(EMBED, q -> baseline.embedOne(q.question()))));
        services.add(rerank.service());

        return new Results(
                date,
                machine,
                git,
                transport,
                params,
                corpusFacts,
                full,
                corpusBaselines,
                reingests,
                hybrid.tries(),
                rerank.tries(),
                services);
    }

    static final String CHANGED_MEDIAN = "one file changed (median size)";
    static final String CHANGED_LARGEST = "one file changed (largest)";

    /** A share of the CPUs taken by other programs; unknown (a phase too short to tell) counts as quiet. */
    static double quiet(double othersPercent) {
        return Double.isNaN(othersPercent) ? 0 : othersPercent;
    }

    /** A query service's start and memory, and its query phase's tries. */
    private record Queried(ServiceRun service, List<QueryRounds.Outcome> tries) {}

    /**
     * Starts the service on the query index (its start-up ingestion brings the index in line with the corpus), runs
     * the query phase over the paths made for its API, and stops it.
     */
    private Queried queryService(
            Params params,
            String name,
            boolean rerank,
            List<DevQuestion> questions,
            Function<RagApi, List<QueryRounds.QueryPath>> paths)
            throws Exception {
        try (var svc = RagService.start(name, launch(params, "index-query", true, rerank), logFile(name));
                var api = new RagApi(svc.url(), collection)) {
            ServiceRun.Start start = svc.awaitReady(api, Optional.of(collection), recording.repo());
            List<Memory> memory = new ArrayList<>(List.of(Memory.of(svc.pid(), "after the start-up ingest")));
            List<QueryRounds.Outcome> tries = queries(params, svc, questions, paths.apply(api));
            memory.add(Memory.of(svc.pid(), "after the queries"));
            return new Queried(new ServiceRun(start, memory), tries);
        }
    }

    /** The query phase, tried again while other programs took the CPUs. */
    private List<QueryRounds.Outcome> queries(
            Params params, RagService svc, List<DevQuestion> questions, List<QueryRounds.QueryPath> paths)
            throws Exception {
        var cpu = new Cpu(
                Map.of("service", svc.pid(), "harness", ProcessHandle.current().pid()));
        List<QueryRounds.Outcome> tries = new ArrayList<>();
        for (int attempt = 0; attempt < params.tries(); attempt++) {
            if (attempt > 0) {
                log(
                        "  other programs took %.0f %% of the CPUs: waiting for quiet, then again",
                        tries.getLast().cpu().othersPercent());
            }
            params.awaitQuiet();
            var o = QueryRounds.run(
                    svc.name(),
                    attempt,
                    paths,
                    questions,
                    params.warmupRounds(),
                    params.rounds(),
                    params.seed(),
                    cpu,
                    svc.pid());
            tries.add(o);
            o.paths()
                    .forEach(p -> log(
                            "%s %s: %d requests, %d errors, p50 %.2f ms, p95 %.2f ms, p99 %.2f ms",
                            svc.name(),
                            p.path(),
                            p.all().count(),
                            p.errors(),
                            p.all().p50(),
                            p.all().p95(),
                            p.all().p99()));
            log(
                    "%s queries: %.0f s, others %.0f %%",
                    svc.name(), o.seconds(), o.cpu().othersPercent());
            if (!(o.cpu().othersPercent() >= params.maxOthersPercent())) {
                break;
            }
        }
        return tries;
    }

    private RagService.Launch launch(Params params, String index, boolean ingestOnStart, boolean rerank) {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("ponte.rag.index-dir", work.resolve(index).toString());
        props.put("ponte.rag.default-collection", collection);
        props.put("ponte.rag.allowed-roots", work.toString());
        if (ingestOnStart) {
            props.put("ponte.rag.ingest-on-start." + collection, corpus.toString());
        }
        if (rerank) {
            props.put("ponte.rag.retrieval.rerank", "true");
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new RagService.Launch(java, jar, params.jvmFlags(), props, params.cpus());
    }

    private Path logFile(String service) {
        return work.resolve(service + ".log");
    }

    private Params params() {
        return new Params(
                quick,
                recording.label(),
                collection,
                or(warmupRounds, quick ? 1 : 3),
                or(rounds, quick ? 3 : 20),
                or(repeats, quick ? 2 : 5),
                Math.max(1, or(tries, quick ? 1 : 3)),
                maxOthersPercent,
                or(quietWaitSeconds, quick ? 5 : 60),
                seed,
                baselines != null
                        ? List.copyOf(baselines)
                        : quick
                                ? List.of(EmbeddingBaseline.Variant.SERVICE)
                                : List.of(EmbeddingBaseline.Variant.values()),
                List.copyOf(jvmFlags),
                Optional.ofNullable(cpus).filter(c -> !c.isBlank()),
                new Params.Targets(fullIngestTarget, reingestTarget, retrievalTarget, rerankTarget, rssTarget));
    }

    private void write(Results results) throws Exception {
        recording.write(
                "RagBench",
                "# rag benchmark results",
                Report.markdown(results),
                Report.summary(results),
                results.toJson());
    }

    static void log(String format, Object... args) {
        System.err.println("[bench] " + String.format(Locale.ROOT, format, args));
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
