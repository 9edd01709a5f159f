package io.ponte.bench.offload;

import io.ponte.bench.common.Latency;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * The floor: the same trivial job submitted straight to Slurm ({@code sbatch --parsable}, one after
 * the other) and polled with one {@code squeue -t all} call for all jobs every poll period.
 */
final class SchedulerBaseline {
    private final Path work;
    private final Map<String, String> env;
    private final long pollMs;
    private volatile int expected = Integer.MAX_VALUE;

    SchedulerBaseline(Path work, Path slurmConf, long pollMs) {
        this.work = work;
        this.env = Map.of("SLURM_CONF", slurmConf.toString());
        this.pollMs = pollMs;
    }

    JsonObject run(int jobs) throws IOException, InterruptedException {
        Path dir = Files.createDirectories(work.resolve("baseline"));
        Path script = Files.writeString(
                dir.resolve("trivial.sh"),
                "#!/bin/sh\n#SBATCH --job-name=bench-baseline\n#SBATCH --output=/dev/null\ntrue\n");
        Timeline timeline = new Timeline();
        List<String> ids = new ArrayList<>();
        expected = jobs;
        Thread poller = Thread.ofPlatform().name("squeue-poller").start(() -> poll(ids, timeline));
        for (int i = 0; i < jobs; i++) {
            long asked = System.nanoTime();
            String id =
                    exec(dir, "sbatch", "--parsable", script.toString()).strip().split(";")[0];
            timeline.submitted(id, asked, System.nanoTime());
            synchronized (ids) {
                ids.add(id);
            }
        }
        poller.join(TimeUnit.MINUTES.toMillis(15));
        poller.interrupt();
        return timeline.toJson();
    }

    /** One job at a time on an idle node: submit, poll it until it finished, then the next. */
    JsonObject sequential(int jobs) throws IOException, InterruptedException {
        Path dir = Files.createDirectories(work.resolve("baseline"));
        Path script = Files.writeString(
                dir.resolve("trivial.sh"),
                "#!/bin/sh\n#SBATCH --job-name=bench-baseline\n#SBATCH --output=/dev/null\ntrue\n");
        Timeline timeline = new Timeline();
        for (int i = 0; i < jobs; i++) {
            long asked = System.nanoTime();
            String id =
                    exec(dir, "sbatch", "--parsable", script.toString()).strip().split(";")[0];
            timeline.submitted(id, asked, System.nanoTime());
            boolean done = false;
            while (!done) {
                Thread.sleep(pollMs);
                String[] f = exec(work, "squeue", "--jobs=" + id, "-t", "all", "-h", "-o", "%i|%T")
                        .strip()
                        .split("\\|");
                String state = f.length == 2 ? f[1] : "PENDING";
                boolean finished = !state.equals("PENDING")
                        && !state.equals("RUNNING")
                        && !state.equals("COMPLETING")
                        && !state.equals("CONFIGURING");
                done = timeline.seen(
                        id, state.equals("RUNNING") || state.equals("COMPLETING"), finished, System.nanoTime());
            }
        }
        return timeline.toJson();
    }

    /** {@code squeue --jobs=<all ids>} latency for {@code ids}: what one batched status refresh costs. */
    JsonObject squeueLatency(List<String> ids, int rounds) throws IOException, InterruptedException {
        Histogram h = Latency.histogram();
        String jobs = "--jobs=" + String.join(",", ids);
        for (int i = 0; i < rounds; i++) {
            long t0 = System.nanoTime();
            exec(work, "squeue", jobs, "-t", "all", "-h", "-o", "%i|%T");
            h.recordValue(System.nanoTime() - t0);
        }
        return Latency.of(h).toJson().put("jobs", ids.size());
    }

    private void poll(List<String> ids, Timeline timeline) {
        try {
            while (true) {
                Thread.sleep(pollMs);
                List<String> snapshot;
                synchronized (ids) {
                    snapshot = List.copyOf(ids);
                }
                if (snapshot.isEmpty()) {
                    continue;
                }
                String out =
                        exec(work, "squeue", "--jobs=" + String.join(",", snapshot), "-t", "all", "-h", "-o", "%i|%T");
                long now = System.nanoTime();
                for (String line : out.split("\n")) {
                    String[] f = line.strip().split("\\|");
                    if (f.length == 2) {
                        boolean done = !f[1].equals("PENDING")
                                && !f[1].equals("RUNNING")
                                && !f[1].equals("COMPLETING")
                                && !f[1].equals("CONFIGURING");
                        timeline.seen(f[0], f[1].equals("RUNNING") || f[1].equals("COMPLETING"), done, now);
                    }
                }
                if (snapshot.size() == expected && timeline.allDone()) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    String exec(Path dir, String... argv) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(argv).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", argv)
                            .substring(0, Math.min(80, String.join(" ", argv).length())) + " failed: " + out);
        }
        return out;
    }
}
