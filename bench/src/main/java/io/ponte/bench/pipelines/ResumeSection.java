package io.ponte.bench.pipelines;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Section 3: kill a runner JVM with SIGKILL in the middle of a run and start it again on the same PostgreSQL
 * database, object-store directory and work directory. The pipeline is {@value #LANES} independent chains of
 * {@value #DEPTH} tasks (the first {@value #FAST_LANES} sleep {@value #FAST_SECONDS} s per task, the others
 * {@value #SLOW_SECONDS} s) and a final task after all of them; each task appends its name to a ledger file before
 * it sleeps. The kill comes once two tasks of every fast lane have succeeded; during the downtime the fast lanes'
 * running attempts end, the slow lanes' keep running. After the restart the runner must re-attach every attempt
 * that was running, start the successors of those that ended, and finish the run without running any task again.
 */
final class ResumeSection {

    static final int LANES = 6;
    static final int DEPTH = 6;
    static final int FAST_LANES = 3;
    static final String FAST_SECONDS = "0.5";
    static final String SLOW_SECONDS = "2.5";
    /** After the kill condition holds, wait this long so that the kill lands inside the attempts, not between. */
    static final long KILL_DELAY_MS = 150;

    /**
     * One trial; times in ms from the restarted JVM's exec. {@code resumedMs}: every attempt that was running at
     * the kill re-attached and a new attempt started (scheduling again), whichever came later.
     */
    record Trial(
            int trial,
            int tasks,
            int completedAtKill,
            int runningAtKill,
            int reattachedFound,
            int reattachedLost,
            double mainMs,
            double storeReadyMs,
            double objectsReadyMs,
            double engineReadyMs,
            double resumeReturnedMs,
            double allReattachedMs,
            double firstStartMs,
            double resumedMs,
            int startedAfterRestart,
            String finalState,
            int scriptsRunTwice,
            int completedRunAgain,
            int maxAttempts) {

        boolean clean() {
            return "SUCCEEDED".equals(finalState) && completedRunAgain == 0 && reattachedLost == 0;
        }
    }

    record Output(String dag, long killDelayMs, double downtimeSeconds, List<Trial> trials) {

        double medianResumedMs() {
            return SchedulerSection.median(
                    trials.stream().mapToDouble(Trial::resumedMs).toArray());
        }

        double maxResumedMs() {
            return trials.stream().mapToDouble(Trial::resumedMs).max().orElse(Double.NaN);
        }
    }

    private record TaskRow(String state, int attempts, Timestamp finishedAt) {}

    private ResumeSection() {}

    static Output run(Params p, Path work, BenchDatabase.Server server, String stamp, String java, List<String> jvmOpts)
            throws Exception {
        String ir = SyntheticIr.lanes(LANES, DEPTH, FAST_LANES, FAST_SECONDS, SLOW_SECONDS);
        List<Trial> trials = new ArrayList<>();
        for (int t = 1; t <= p.resumeTrials(); t++) {
            trials.add(trial(t, ir, work.resolve("trial-" + t), server, stamp, java, jvmOpts, p));
            PipelinesBench.log("resume trial %d: %s", t, trials.getLast());
        }
        String dag = LANES + " chains of " + DEPTH + " tasks (" + FAST_LANES + " sleeping " + FAST_SECONDS + " s per"
                + " task, " + (LANES - FAST_LANES) + " sleeping " + SLOW_SECONDS + " s) + 1 final task";
        return new Output(dag, KILL_DELAY_MS, p.resumeDowntimeSeconds(), trials);
    }

    private static Trial trial(
            int n,
            String ir,
            Path dir,
            BenchDatabase.Server server,
            String stamp,
            String java,
            List<String> jvmOpts,
            Params p)
            throws Exception {
        Files.createDirectories(dir);
        Path irFile = dir.resolve("pipeline.json");
        Files.writeString(irFile, ir);
        Path ledger = dir.resolve("ledger.txt");
        Files.writeString(ledger, "");
        try (BenchDatabase db = BenchDatabase.create(server, stamp, false)) {
            List<String> common = List.of(
                    "--jdbc-url", db.url(),
                    "--jdbc-user", server.user(),
                    "--work", dir.resolve("work").toString(),
                    "--s3-dir", dir.resolve("s3").toString());
            String runId;
            Map<String, TaskRow> atKill;
            try (RunnerProcess first = RunnerProcess.start(
                    java,
                    jvmOpts,
                    concat(common, List.of("--create", irFile.toString(), "--ledger", ledger.toString())),
                    dir.resolve("runner-1.log"))) {
                Timeline.Event created = first.await(e -> e.name().equals("run-created"), 60_000);
                if (created == null) {
                    throw new IllegalStateException(
                            "the first runner created no run; see " + dir.resolve("runner-1.log"));
                }
                runId = created.word(0);
                awaitKillPoint(db, runId);
                Thread.sleep(KILL_DELAY_MS);
                first.kill();
            }
            atKill = tasks(db, runId);
            Thread.sleep((long) (p.resumeDowntimeSeconds() * 1000));
            Set<String> completed = paths(atKill, "SUCCEEDED");
            Set<String> running = paths(atKill, "RUNNING");
            List<Timeline.Event> events;
            long t0;
            try (RunnerProcess second = RunnerProcess.start(
                    java, jvmOpts, concat(common, List.of("--exit-when-done")), dir.resolve("runner-2.log"))) {
                t0 = second.startedMicros();
                Timeline.Event end = second.await(e -> e.name().equals("run-ended"), 180_000);
                if (end == null) {
                    throw new IllegalStateException(
                            "the restarted runner did not finish the run; see " + dir.resolve("runner-2.log"));
                }
                second.awaitExit(30_000);
                events = second.events();
            }
            Map<String, TaskRow> after = tasks(db, runId);
            Map<String, Long> ledgerCounts = Files.readAllLines(ledger).stream()
                    .filter(l -> !l.isBlank())
                    .collect(Collectors.groupingBy(l -> l, Collectors.counting()));
            int completedRunAgain = 0;
            for (String path : completed) {
                TaskRow before = atKill.get(path);
                TaskRow now = after.get(path);
                String name = path.substring("root/".length());
                if (now.attempts() != before.attempts()
                        || !now.finishedAt().equals(before.finishedAt())
                        || ledgerCounts.getOrDefault(name, 0L) != 1) {
                    completedRunAgain++;
                }
            }
            double allReattached = Double.NEGATIVE_INFINITY;
            int found = 0;
            int lost = 0;
            Set<String> seen = new java.util.HashSet<>();
            for (Timeline.Event e : events) {
                if (e.name().equals("reattach") && running.contains(e.word(0))) {
                    seen.add(e.word(0));
                    if (e.word(1).equals("found")) {
                        found++;
                    } else {
                        lost++;
                    }
                    allReattached = Math.max(allReattached, ms(e, t0));
                }
            }
            if (!seen.containsAll(running)) {
                allReattached = Double.NaN;
            }
            double firstStart = events.stream()
                    .filter(e -> e.name().equals("start"))
                    .mapToDouble(e -> ms(e, t0))
                    .min()
                    .orElse(Double.NaN);
            int startedAfter =
                    (int) events.stream().filter(e -> e.name().equals("start")).count();
            return new Trial(
                    n,
                    after.size(),
                    completed.size(),
                    running.size(),
                    found,
                    lost,
                    first(events, "main", t0),
                    first(events, "store-ready", t0),
                    first(events, "objects-ready", t0),
                    first(events, "engine-ready", t0),
                    first(events, "resume-returned", t0),
                    running.isEmpty() ? 0 : allReattached,
                    firstStart,
                    Math.max(running.isEmpty() ? 0 : allReattached, firstStart),
                    startedAfter,
                    events.stream()
                            .filter(e -> e.name().equals("run-ended"))
                            .map(e -> e.word(1))
                            .findFirst()
                            .orElse("?"),
                    (int) ledgerCounts.values().stream().filter(c -> c > 1).count(),
                    completedRunAgain,
                    after.values().stream().mapToInt(TaskRow::attempts).max().orElse(0));
        }
    }

    /** Waits until two tasks of every fast lane have succeeded and some task is running. */
    private static void awaitKillPoint(BenchDatabase db, String runId) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            Map<String, TaskRow> tasks = tasks(db, runId);
            boolean ready = true;
            for (int l = 0; l < FAST_LANES; l++) {
                TaskRow second = tasks.get("root/lane-" + l + "-step-2");
                ready &= second != null && second.state().equals("SUCCEEDED");
            }
            if (ready && !paths(tasks, "RUNNING").isEmpty()) {
                return;
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException("run " + runId + " did not reach the kill point in 60 s");
    }

    private static Map<String, TaskRow> tasks(BenchDatabase db, String runId) throws SQLException {
        Map<String, TaskRow> out = new HashMap<>();
        try (Connection c = db.connect();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT task_path, state, attempts, finished_at FROM pipeline_task WHERE run_id = ?")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), new TaskRow(rs.getString(2), rs.getInt(3), rs.getTimestamp(4)));
                }
            }
        }
        return out;
    }

    private static Set<String> paths(Map<String, TaskRow> tasks, String state) {
        return tasks.entrySet().stream()
                .filter(e -> e.getValue().state().equals(state))
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    private static double first(List<Timeline.Event> events, String name, long t0) {
        return events.stream()
                .filter(e -> e.name().equals(name))
                .mapToDouble(e -> ms(e, t0))
                .findFirst()
                .orElse(Double.NaN);
    }

    private static double ms(Timeline.Event e, long t0) {
        return (e.micros() - t0) / 1000.0;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
