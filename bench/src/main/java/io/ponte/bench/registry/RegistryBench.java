package io.ponte.bench.registry;

import io.ponte.bench.common.Cpu;
import io.ponte.bench.common.Format;
import io.ponte.bench.common.Quiet;
import io.ponte.bench.common.Recording;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The model-registry benchmark: loads model versions through the REST API, then measures get-by-id, a filtered list
 * page and a create at a few closed-loop concurrencies, next to the same SQL sent straight to PostgreSQL. The registry
 * and its database are started by {@code bench/registry/run.sh}; this program only sends load and reads {@code /proc}.
 */
@Command(
        name = "registry-bench",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        showDefaultValues = true,
        description = "Measures model-registry get / filtered list / create latency against a JDBC baseline.")
public final class RegistryBench implements Callable<Integer> {

    @Mixin
    Recording recording;

    @Option(names = "--url", required = true, description = "Base URL of the registry, e.g. http://127.0.0.1:8081.")
    String url;

    @Option(names = "--jdbc-url", required = true, description = "JDBC URL of the registry's database.")
    String jdbcUrl;

    @Option(names = "--jdbc-user", defaultValue = "postgres", description = "Database user.")
    String jdbcUser;

    @Option(
            names = "--jdbc-password",
            defaultValue = "${env:PGPASSWORD:-}",
            description = "Database password (default: $PGPASSWORD, so that it stays off the command line).")
    String jdbcPassword;

    @Option(names = "--token", description = "Bearer token for the registry API, when it requires one.")
    String token;

    @Option(names = "--service-pid", description = "Pid of the registry JVM, for its CPU time and command line.")
    Long servicePid;

    @Option(names = "--quick", description = "A small data set and short counts, for checking the harness.")
    boolean quick;

    @Option(names = "--models", description = "Registered models to create [1000; quick 10].")
    Integer models;

    @Option(names = "--versions-per-model", description = "Versions per registered model.")
    Integer versionsPerModel;

    @Option(names = "--load-clients", defaultValue = "4", description = "Concurrent HTTP clients of the load phase.")
    int loadClients;

    @Option(names = "--concurrency", split = ",", defaultValue = "1,4", description = "Closed-loop concurrencies.")
    List<Integer> concurrency;

    @Option(names = "--warmup-s", description = "Warm-up per phase and path, s [5; quick 1].")
    Double warmupSeconds;

    @Option(names = "--get-requests", description = "Measured gets per concurrency and path [20000; quick 1000].")
    Long getRequests;

    @Option(
            names = "--filter-requests",
            description = "Measured filtered pages per concurrency and path [5000; quick 300].")
    Long filterRequests;

    @Option(names = "--edge-requests", description = "Measured pages per edge shape and path [100; quick 20].")
    Long edgeRequests;

    @Option(names = "--create-requests", description = "Measured creates per concurrency [3000; quick 200].")
    Long createRequests;

    @Option(names = "--page-size", defaultValue = "20", description = "pageSize of the filtered list.")
    int pageSize;

    @Option(names = "--max-phase-s", defaultValue = "120", description = "A phase stops after this many seconds.")
    double maxPhaseSeconds;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the data set and of the request mix.")
    long seed;

    @Option(names = "--get-target-ms", defaultValue = "10", description = "The issue's get-by-id p99 target.")
    double getTargetMs;

    @Option(names = "--filter-target-ms", defaultValue = "50", description = "The issue's filtered page p99 target.")
    double filterTargetMs;

    @Option(
            names = "--max-others-percent",
            defaultValue = "10",
            description = "A phase during which other processes used this share of the CPUs is measured again.")
    double maxOthersPercent;

    @Option(
            names = "--quiet-tries",
            defaultValue = "3",
            description = "Tries per phase before a disturbed one is kept.")
    int quietTries;

    public static void main(String[] args) {
        System.exit(new CommandLine(new RegistryBench()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Params params = params();
        int connections = Math.max(
                loadClients,
                params.concurrency().stream().mapToInt(Integer::intValue).max().orElse(1));
        try (var api = new RegistryApi(url, token, connections);
                var admin = new JdbcBaseline(jdbcUrl, jdbcUser, jdbcPassword)) {
            log("HTTP client: Vert.x on %s", api.transport());
            Map<String, Long> processes = processes(admin);
            RunInfo info =
                    RunInfo.collect(recording.repo(), admin, processes, "Vert.x HttpClient on " + api.transport());
            var cpu = new Cpu(processes);

            log("load: %d models × %d versions, %d clients", params.models(), params.versionsPerModel(), loadClients);
            var before = cpu.snapshot();
            Loader.Result load = Loader.load(api, params.models(), params.versionsPerModel(), loadClients, seed);
            Cpu.Use loadCpu = Cpu.between(before, cpu.snapshot());
            log(
                    "load: %,d versions in %.1f s = %,.0f/s, %d errors",
                    load.versions(), load.versionSeconds(), load.versionsPerSecond(), load.errors());
            if (load.errors() > load.versions() / 100) {
                throw new IllegalStateException("the load failed too often: " + load.firstError());
            }
            double vacuum = vacuumAnalyze(admin);
            String size = tableSize(admin);
            log("VACUUM ANALYZE entity: %.1f s; entity table %s", vacuum, size);

            long[] ids = Arrays.stream(load.versionIds()).filter(id -> id > 0).toArray();
            Agreement.check(api, admin, pageSize, seed);
            List<Explain.Plan> plans = new ArrayList<>();
            plans.add(Explain.get(admin, ids[ids.length / 2]));
            List<FilterShape> shapes = new ArrayList<>(FilterShape.MIX);
            shapes.addAll(FilterShape.EDGE);
            plans.addAll(Explain.shapes(admin, shapes, pageSize));
            plans.forEach(p -> log("plan %s: %s", p.label(), p.oneLine()));

            var phases = new Phases(params, cpu);
            var requests = new BenchRequests(api, jdbcUrl, jdbcUser, jdbcPassword, ids, load.modelIds(), pageSize);
            for (int c : params.concurrency()) {
                phases.run("get", Phase.SERVICE, c, requests.serviceGet(), params.getRequests());
                phases.run("get", Phase.JDBC, c, requests.jdbcGet(), params.getRequests());
                phases.run(
                        "filter", Phase.SERVICE, c, requests.serviceFilter(FilterShape.MIX), params.filterRequests());
                phases.run("filter", Phase.JDBC, c, requests.jdbcFilter(FilterShape.MIX), params.filterRequests());
            }
            long edge = params.edgeRequests() * FilterShape.EDGE.size();
            phases.run("edge", Phase.SERVICE, 1, requests.serviceFilter(FilterShape.EDGE), edge);
            phases.run("edge", Phase.JDBC, 1, requests.jdbcFilter(FilterShape.EDGE), edge);
            // Creates last: they add rows (and GIN pending-list entries) that the read phases should not see.
            for (int c : params.concurrency()) {
                phases.run("create", Phase.SERVICE, c, requests.serviceCreate(seed + c), params.createRequests());
            }
            long finalVersions = Explain.versions(admin);
            write(new Results(info, params, load, loadCpu, vacuum, size, plans, phases.done(), finalVersions));
        }
        return 0;
    }

    /** The processes whose CPU time is counted: the registry, the PostgreSQL server (all backends), this harness. */
    private Map<String, Long> processes(JdbcBaseline admin) throws SQLException {
        Map<String, Long> out = new LinkedHashMap<>();
        if (servicePid != null) {
            out.put("registry", servicePid);
        }
        try (Statement s = admin.connection().createStatement();
                ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            long postmaster = Cpu.parent(rs.getLong(1));
            if (postmaster > 0) {
                out.put("postgres", postmaster);
            }
        }
        out.put("harness", ProcessHandle.current().pid());
        return out;
    }

    private static double vacuumAnalyze(JdbcBaseline admin) throws SQLException {
        long start = System.nanoTime();
        try (Statement s = admin.connection().createStatement()) {
            s.execute("VACUUM ANALYZE entity");
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static String tableSize(JdbcBaseline admin) throws SQLException {
        try (Statement s = admin.connection().createStatement();
                ResultSet rs = s.executeQuery("SELECT pg_size_pretty(pg_table_size('entity')),"
                        + " pg_size_pretty(pg_indexes_size('entity')),"
                        + " pg_size_pretty(pg_relation_size('entity_custom_props'))")) {
            rs.next();
            return rs.getString(1) + " + indexes " + rs.getString(2) + " (GIN on custom_props " + rs.getString(3) + ")";
        }
    }

    /** Most creates sent to warm up a create phase. */
    static final long CREATE_WARMUP = 1000;

    /** Runs the measured phases in order: warm-up, then the counted requests, with the CPU used meanwhile. */
    private static final class Phases {
        private final Params params;
        private final Cpu cpu;
        private final List<Phase> done = new ArrayList<>();

        Phases(Params params, Cpu cpu) {
            this.params = params;
            this.cpu = cpu;
        }

        void run(String name, String path, int c, ClosedLoop.Requests requests, long count) throws Exception {
            Duration limit = Duration.ofMillis(Math.round(params.maxPhaseSeconds() * 1000));
            Phase p = null;
            for (int attempt = 0; attempt < params.quietTries(); attempt++) {
                if (attempt > 0) {
                    log(
                            "  other processes took %.0f %% of the CPUs: waiting for quiet, then again",
                            p.cpu().othersPercent());
                    if (!Quiet.await(params.maxOthersPercent(), Duration.ofSeconds(60))) {
                        log("  machine still busy after 60 s; measuring anyway");
                    }
                }
                // Seeded by phase and concurrency only: service and baseline get the same sequence of requests.
                long seed = params.seed() * 31 + name.hashCode() * 7L + c;
                // Creates add rows: their warm-up is capped (the load has already warmed the create path).
                ClosedLoop.run(
                        requests,
                        c,
                        name.equals("create") ? CREATE_WARMUP : Long.MAX_VALUE,
                        Duration.ofMillis(Math.round(params.warmupSeconds() * 1000)),
                        seed + 1);
                var before = cpu.snapshot();
                var outcome = ClosedLoop.run(requests, c, count, limit, seed);
                p = Phase.of(name, path, c, outcome, Cpu.between(before, cpu.snapshot()), attempt);
                if (!(p.cpu().othersPercent()
                        >= params.maxOthersPercent())) { // unknown (a short phase) counts as quiet
                    break;
                }
            }
            done.add(p);
            log(
                    "%s %s c=%d: %d requests, %d errors, p50 %s ms, p99 %s ms, %s req/s; others %.0f %%",
                    name,
                    path,
                    c,
                    p.latency().count(),
                    p.errors(),
                    Format.ms(p.latency().p50()),
                    Format.ms(p.latency().p99()),
                    Format.num(p.throughput()),
                    p.cpu().othersPercent());
            if (p.firstError() != null) {
                log("  first error: %s", p.firstError());
            }
        }

        List<Phase> done() {
            return List.copyOf(done);
        }
    }

    private Params params() {
        for (int c : concurrency) {
            if (c < 1) {
                throw new CommandLine.ParameterException(new CommandLine(this), "--concurrency values must be ≥ 1");
            }
        }
        return new Params(
                quick,
                recording.label(),
                or(models, quick ? 10 : 1000),
                or(versionsPerModel, 100),
                loadClients,
                List.copyOf(concurrency),
                or(warmupSeconds, quick ? 1.0 : 5.0),
                or(getRequests, quick ? 1000L : 20_000L),
                or(filterRequests, quick ? 300L : 5000L),
                or(edgeRequests, quick ? 20L : 100L),
                or(createRequests, quick ? 200L : 3000L),
                pageSize,
                maxPhaseSeconds,
                seed,
                getTargetMs,
                filterTargetMs,
                maxOthersPercent,
                Math.max(1, quietTries));
    }

    private void write(Results results) throws Exception {
        recording.write(
                "RegistryBench",
                "# Model-registry benchmark results",
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
