package io.ponte.bench.offload;

import io.ponte.bench.common.Cpu;
import io.ponte.bench.common.Git;
import io.ponte.bench.common.Machine;
import io.ponte.bench.common.Recording;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Trivial pods through the offload-bridge on local Slurm, against sbatch + squeue for the same job
 * in the same run. Started by bench/offload/run.sh, which starts Slurm and the bridge.
 */
@Command(name = "offload-bench", mixinStandardHelpOptions = true)
public final class OffloadBench implements Callable<Integer> {
    @Option(names = "--bridge-url", required = true, description = "The bridge's base URL.")
    String bridgeUrl;

    @Option(names = "--bridge-pid", required = true, description = "The bridge JVM's pid (CPU and RSS).")
    long bridgePid;

    @Option(names = "--slurm-conf", required = true, description = "SLURM_CONF of the cluster the bridge uses.")
    Path slurmConf;

    @Option(names = "--slurmctld-pid", defaultValue = "0", description = "slurmctld's pid (CPU).")
    long slurmctldPid;

    @Option(names = "--slurmd-pid", defaultValue = "0", description = "slurmd's pid (CPU of it and its jobs).")
    long slurmdPid;

    @Option(names = "--work", required = true, description = "Scratch directory for the baseline's job script.")
    Path work;

    @Option(names = "--pods", defaultValue = "200", description = "Trivial pods (and baseline jobs).")
    int pods;

    @Option(names = "--sequential", defaultValue = "10", description = "Jobs / pods run one at a time first.")
    int sequential;

    @Option(names = "--tracked", defaultValue = "1000", description = "Pods tracked during the status phase.")
    int tracked;

    @Option(names = "--poll-ms", defaultValue = "100", description = "Client poll period (status and squeue).")
    long pollMs;

    @Option(names = "--single-requests", defaultValue = "1000", description = "One-pod /status requests timed.")
    int singleRequests;

    @Option(names = "--batch-requests", defaultValue = "20", description = "All-pod /status requests timed.")
    int batchRequests;

    @Option(names = "--bridge-settings", defaultValue = "", description = "The bridge's settings, for the report.")
    String bridgeSettings;

    @Mixin
    Recording recording;

    public static void main(String[] args) {
        System.exit(new CommandLine(new OffloadBench()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Machine machine = Machine.collect();
        Git git = Git.of(recording.repo());
        Map<String, Long> roots = new LinkedHashMap<>();
        roots.put("bridge", bridgePid);
        if (slurmctldPid > 0) {
            roots.put("slurmctld", slurmctldPid);
        }
        if (slurmdPid > 0) {
            roots.put("slurmd", slurmdPid);
        }
        roots.put("harness", ProcessHandle.current().pid());
        Cpu cpu = new Cpu(roots);
        JsonObject phases = new JsonObject();
        SchedulerBaseline baseline = new SchedulerBaseline(work, slurmConf, pollMs);
        try (RssSampler rss = new RssSampler(bridgePid);
                BridgeClient client = new BridgeClient(bridgeUrl, 2)) {
            double idleRss = rss.nowMb();
            BridgeRun bridge = new BridgeRun(client, pollMs);

            phases.put("baseline_single", phase(cpu, rss, () -> baseline.sequential(sequential)));
            phases.put("bridge_single", phase(cpu, rss, () -> bridge.sequential(sequential)));
            log("one at a time: sbatch "
                    + phases.getJsonObject("baseline_single")
                            .getJsonObject("result")
                            .encode() + " bridge "
                    + phases.getJsonObject("bridge_single")
                            .getJsonObject("result")
                            .encode());
            phases.put("baseline", phase(cpu, rss, () -> baseline.run(pods)));
            log("baseline done: "
                    + phases.getJsonObject("baseline").getJsonObject("result").encode());
            phases.put("bridge", phase(cpu, rss, () -> bridge.trivialPods(pods)));
            log("bridge done: "
                    + phases.getJsonObject("bridge").getJsonObject("result").encode());
            phases.put("fill", phase(cpu, rss, () -> bridge.fillTo(tracked)));
            log("fill done");
            phases.put("status", phase(cpu, rss, () -> bridge.statusLatency(singleRequests, batchRequests)));
            log("status done");
            phases.put("squeue_floor", phase(cpu, rss, () -> baseline.squeueLatency(bridge.jobIds(), batchRequests)));
            phases.put("delete", phase(cpu, rss, bridge::deleteAll));
            log("delete done");
            phases.put("bridge_rss_idle_mb", Math.round(idleRss));
        }
        JsonObject raw = new JsonObject()
                .put("started", start.toString())
                .put("machine", machine.toJson())
                .put("git", git.toJson())
                .put(
                        "parameters",
                        new JsonObject()
                                .put("pods", pods)
                                .put("sequential", sequential)
                                .put("tracked", tracked)
                                .put("poll_ms", pollMs)
                                .put("single_requests", singleRequests)
                                .put("batch_requests", batchRequests)
                                .put("bridge_settings", bridgeSettings))
                .put("phases", phases);
        Report report = new Report(raw, recording.label());
        recording.write("offload-bench", "# Offload-bridge benchmark results", report.section(), report.summary(), raw);
        return 0;
    }

    private interface Step {
        JsonObject run() throws Exception;
    }

    private static JsonObject phase(Cpu cpu, RssSampler rss, Step step) throws Exception {
        rss.takePeakMb();
        Cpu.Snapshot before = cpu.snapshot();
        long t0 = System.nanoTime();
        JsonObject result = step.run();
        double seconds = (System.nanoTime() - t0) / 1e9;
        Cpu.Use use = Cpu.between(before, cpu.snapshot());
        JsonObject cpuMs = new JsonObject();
        use.cpuMs().forEach(cpuMs::put);
        return new JsonObject()
                .put("result", result)
                .put("seconds", Math.round(seconds * 10) / 10.0)
                .put("cpu_ms", cpuMs)
                .put("machine_busy_percent", Math.round(use.busyPercent()))
                .put("bridge_rss_peak_mb", Math.round(rss.takePeakMb()));
    }

    private static void log(String line) {
        System.err.println("[offload-bench] " + line);
    }
}
