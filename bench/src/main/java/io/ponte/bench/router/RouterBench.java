package io.ponte.bench.router;

import io.ponte.bench.router.ProcStats.Proc;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The router benchmark: drives the same fast upstream directly, through nginx and through the Ponte
 * router, and reports what each hop adds. The processes under test are started by {@code
 * bench/router/run.sh}; this program only sends load and reads {@code /proc}.
 */
@Command(
        name = "router-bench",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        showDefaultValues = true,
        description = "Measures direct vs nginx vs router latency, throughput, CPU, RSS and streaming.")
public final class RouterBench implements Callable<Integer> {

    @Option(
            names = "--paths",
            split = ",",
            defaultValue = "direct,nginx",
            description = "Paths to drive, direct first.")
    List<String> paths;

    @Option(names = "--direct-url", required = true, description = "Base URL of the fast upstream.")
    String directUrl;

    @Option(names = "--nginx-url", description = "Base URL of nginx in front of the upstream.")
    String nginxUrl;

    @Option(names = "--router-url", description = "Base URL of the Ponte router.")
    String routerUrl;

    @Option(names = "--api-key", description = "Sent as 'Authorization: Bearer KEY' on every path.")
    String apiKey;

    @Option(names = "--model", defaultValue = "bench-model", description = "Model name in the requests.")
    String model;

    @Option(names = "--proc", description = "Observe a process tree: NAME=PID or NAME=@PIDFILE (repeatable).")
    List<String> procSpecs = new ArrayList<>();

    @Option(
            names = "--sections",
            split = ",",
            defaultValue = "latency,rate,throughput,stream",
            description = "Which measurements to run.")
    List<String> sections;

    @Option(names = "--quick", description = "Short durations and small counts, for checking the harness.")
    boolean quick;

    @Option(names = "--label", defaultValue = "", description = "Free text put in the report heading.")
    String label;

    @Option(names = "--client-threads", defaultValue = "1", description = "Event loops of the load generator.")
    int clientThreads;

    @Option(names = "--warmup-s", description = "Closed-loop warm-up per path before measuring, s [10; quick 3].")
    Double warmupSeconds;

    @Option(names = "--latency-requests", description = "Recorded requests per path [20000; quick 2000].")
    Integer latencyRequests;

    @Option(
            names = "--latency-modes",
            split = ",",
            defaultValue = "unpinned,split",
            description = "Latency run placements: unpinned (scheduler decides), split (harness on CPU 0,"
                    + " servers on CPU 1, via taskset).")
    List<String> latencyModes;

    @Option(
            names = "--rates",
            split = ",",
            description = "Open-loop rates, req/s [1000 … 60000; quick 2000,8000,16000].")
    List<Integer> rates;

    @Option(names = "--step-s", description = "Seconds per open-loop step [4; quick 1.5].")
    Double stepSeconds;

    @Option(names = "--connections", defaultValue = "64", description = "Connections per path under load.")
    int connections;

    @Option(names = "--budget-ms", defaultValue = "2", description = "Allowed p99 added over direct, ms.")
    double budgetMs;

    @Option(names = "--requests", description = "Closed-loop requests per path [100000; quick 10000].")
    Long throughputRequests;

    @Option(names = "--streams", description = "Concurrent streams per path [1000; quick 300].")
    Integer streams;

    @Option(names = "--stream-chunks", description = "Chunks per stream (sent as max_tokens) [50; quick 20].")
    Integer streamChunks;

    @Option(names = "--stream-ramp-ms", defaultValue = "200", description = "Streams start spread over this many ms.")
    long streamRampMs;

    @Option(
            names = "--max-others-percent",
            defaultValue = "10",
            description = "A step during which other processes used this much of the CPUs is repeated.")
    double maxOthersPercent;

    @Option(names = "--quiet-tries", defaultValue = "3", description = "Tries per step before keeping a disturbed one.")
    int quietTries;

    @Option(names = "--results-md", description = "Append the markdown report to this file.")
    Path resultsMd;

    @Option(names = "--results-json", description = "Write the raw results as JSON to this file.")
    Path resultsJson;

    @Option(names = "--repo", defaultValue = ".", description = "Git work tree whose commit is reported.")
    Path repo;

    @Option(names = "--nginx-bin", defaultValue = "nginx", description = "nginx binary, for its version.")
    String nginxBin;

    public static void main(String[] args) {
        System.exit(new CommandLine(new RouterBench()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        List<Target> targets = targets();
        List<Proc> procs = procs();
        Vertx vertx = Vertx.vertx(
                new VertxOptions().setEventLoopPoolSize(clientThreads).setPreferNativeTransport(true));
        try (var rss = new RssSampler(procs, 100)) {
            Params params = params(targets, UpstreamConfig.fetch(vertx, targets.getFirst()));
            Preflight.check(vertx, targets, model);
            Map<String, Long> idle = rss.windowPeaks();
            RunInfo info = RunInfo.collect(
                    repo, nginxBin, paths.contains("nginx"), procs, vertx.isNativeTransportEnabled() ? "epoll" : "nio");
            var body = ChatPayloads.request(model, false, 16);
            var quiet = new Quiet(procs, maxOthersPercent, quietTries);
            var sections = new Sections(params, procs, quiet);
            sections.run("warmup", () -> {
                ThroughputRun.warm(vertx, targets, body, connections, clientThreads, seconds(params.warmupSeconds()));
                return null;
            });
            var latency = sections.run("latency", () -> latencyModes(vertx, targets, body, params, procs, quiet));
            var rateRun = sections.run(
                    "rate",
                    () -> RateRun.run(
                            vertx,
                            targets,
                            body,
                            new RateRun.Settings(
                                    params.rates(), params.stepSeconds(), connections, clientThreads, budgetMs),
                            quiet));
            var throughput = sections.run(
                    "throughput",
                    () -> ThroughputRun.run(
                            vertx,
                            targets,
                            body,
                            new ThroughputRun.Settings(
                                    connections, clientThreads, params.throughputRequests(), seconds(2)),
                            procs,
                            ProcStats.clockTicksPerSecond(),
                            quiet));
            var streamRows = sections.run(
                    "stream",
                    () -> StreamRun.run(
                            vertx,
                            targets,
                            model,
                            new StreamRun.Settings(
                                    params.streams(),
                                    params.streamChunks(),
                                    streamRampMs,
                                    clientThreads,
                                    params.streamWarmupChunks()),
                            rss,
                            procs,
                            ProcStats.clockTicksPerSecond(),
                            quiet));
            write(new Results(
                    info,
                    params,
                    idle,
                    rss.runPeaks(),
                    sections.shares(),
                    sections.repeats(),
                    latency,
                    rateRun,
                    throughput,
                    streamRows));
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
        return 0;
    }

    /** The latency run once per placement mode: "unpinned" (the scheduler decides) and "split". */
    private Map<String, LatencyRun.Result> latencyModes(
            Vertx vertx, List<Target> targets, Buffer body, Params params, List<Proc> procs, Quiet quiet) {
        List<Proc> servers =
                procs.stream().filter(p -> !p.name().equals("harness")).toList();
        Map<String, LatencyRun.Result> byMode = new LinkedHashMap<>();
        for (String mode : params.latencyModes()) {
            boolean split = mode.equals("split");
            if (split && !Affinity.available()) {
                System.err.println("taskset not usable or a single CPU: skipping the split latency mode");
                continue;
            }
            if (split) {
                Affinity.split(servers);
            }
            try {
                byMode.put(
                        mode,
                        quiet.guard(
                                "latency " + mode,
                                () -> LatencyRun.run(vertx, targets, body, seconds(2), params.latencyRequests())));
            } finally {
                if (split) {
                    Affinity.release(servers);
                }
            }
        }
        return byMode;
    }

    private List<Target> targets() {
        if (paths.isEmpty() || !paths.getFirst().equals("direct")) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--paths must start with direct");
        }
        Map<String, String> urls = Map.of("direct", directUrl, "nginx", str(nginxUrl), "router", str(routerUrl));
        List<Target> targets = new ArrayList<>();
        for (String path : paths) {
            String url = urls.get(path);
            if (url == null || url.isEmpty()) {
                throw new CommandLine.ParameterException(
                        new CommandLine(this), "path " + path + " needs --" + path + "-url");
            }
            targets.add(Target.parse(path, url, apiKey));
        }
        return targets;
    }

    private List<Proc> procs() {
        List<Proc> procs = new ArrayList<>(procSpecs.stream().map(Proc::parse).toList());
        procs.add(new Proc("harness", ProcessHandle.current().pid()));
        for (Proc p : procs) {
            if (!p.alive()) {
                throw new IllegalStateException("process " + p + " is not running");
            }
        }
        return procs;
    }

    private Params params(List<Target> targets, UpstreamConfig upstream) {
        Map<String, String> urls = new LinkedHashMap<>();
        targets.forEach(t -> urls.put(t.name(), "http://" + t.host() + ":" + t.port()));
        for (String s : sections) {
            if (!Params.ALL_SECTIONS.contains(s)) {
                throw new CommandLine.ParameterException(new CommandLine(this), "unknown section " + s);
            }
        }
        List<Integer> defaultRates = quick
                ? List.of(2000, 8000, 16000)
                : List.of(1000, 2000, 4000, 6000, 8000, 10000, 12000, 15000, 20000, 25000, 30000, 40000, 50000, 60000);
        for (String m : latencyModes) {
            if (!m.equals("unpinned") && !m.equals("split")) {
                throw new CommandLine.ParameterException(new CommandLine(this), "unknown latency mode " + m);
            }
        }
        return new Params(
                urls,
                new LinkedHashSet<>(sections),
                model,
                quick,
                label,
                clientThreads,
                or(warmupSeconds, quick ? 3.0 : 10.0),
                or(latencyRequests, quick ? 2000 : 20000),
                latencyModes,
                rates != null ? rates : defaultRates,
                or(stepSeconds, quick ? 1.5 : 4.0),
                connections,
                budgetMs,
                or(throughputRequests, quick ? 10_000L : 100_000L),
                or(streams, quick ? 300 : 1000),
                or(streamChunks, quick ? 20 : 50),
                streamRampMs,
                10,
                upstream.chunkGapMs(),
                maxOthersPercent,
                quietTries);
    }

    private void write(Results results) throws Exception {
        String md = Report.markdown(results);
        if (resultsJson != null) {
            Path base = resultsMd != null
                    ? resultsMd.toAbsolutePath().getParent()
                    : Path.of("").toAbsolutePath();
            md += "Raw results: `" + base.relativize(resultsJson.toAbsolutePath()) + "`\n";
        }
        System.out.println(md);
        if (resultsMd != null) {
            Files.writeString(resultsMd, md + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        if (resultsJson != null) {
            JsonObject json = results.toJson();
            Files.writeString(resultsJson, json.encodePrettily() + "\n");
        }
    }

    private static Duration seconds(double s) {
        return Duration.ofMillis(Math.round(s * 1000));
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }

    private static String str(String s) {
        return s == null ? "" : s;
    }
}
