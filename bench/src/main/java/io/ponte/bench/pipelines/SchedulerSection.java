package io.ponte.bench.pipelines;

import io.ponte.pipelines.adapter.memory.InMemoryRunStore;
import io.ponte.pipelines.adapter.postgres.PostgresRunStore;
import io.ponte.pipelines.core.ir.IrParser;
import io.ponte.pipelines.core.ir.PipelineIr;
import io.ponte.pipelines.core.plan.Plan;
import io.ponte.pipelines.core.plan.Planner;
import io.ponte.pipelines.core.plan.Routing;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Section 1: a synthetic pipeline of {@code tasks} container tasks, in two shapes KFP compiles, on the no-op executor:
 * planning time, then whole runs on the PostgreSQL run store (one throwaway database per run) and, as the baseline of
 * the same run, on the in-memory run store. Store growth is read from PostgreSQL after each run.
 */
final class SchedulerSection {

    /** One pipeline shape: its IR, how many attempts a run makes, how many values its fan-in task must receive. */
    record Shape(String name, String description, String ir, int attempts, int collected) {}

    /**
     * Planning a shape: the first call in this JVM (cold: class loading, interpreter) and the median of the warm
     * repetitions, split into parse + validate and planning proper.
     */
    record Planning(
            String shape,
            long irBytes,
            int plannedTasks,
            int edges,
            double firstMs,
            double parseMedianMs,
            double planMedianMs,
            double totalMedianMs) {}

    /** What one PostgreSQL run left in its database, as it ended and after {@code VACUUM FULL}. */
    record Growth(
            String shape,
            int attempts,
            List<BenchDatabase.TableSize> afterRun,
            List<BenchDatabase.TableSize> afterVacuumFull) {}

    record Output(List<Shape> shapes, List<Planning> planning, List<SchedulerRun.Result> runs, List<Growth> growth) {}

    private SchedulerSection() {}

    static List<Shape> shapes(int tasks) {
        return List.of(
                new Shape(
                        "root-fan-out",
                        "root DAG: source → " + (tasks - 2) + " tasks → sink (dependentTasks on all)",
                        SyntheticIr.rootFanOut("bench-root-fan-out", tasks, SyntheticIr.NOOP_IMAGE, List.of("noop")),
                        tasks,
                        -1),
                new Shape(
                        "parallel-for",
                        "ParallelFor over " + tasks + " items (one task each, writes an output) → collect (fan-in"
                                + " of the " + tasks + " outputs)",
                        SyntheticIr.parallelFor("bench-parallel-for", tasks),
                        tasks + 1,
                        tasks));
    }

    static Output run(Params p, Path work, BenchDatabase.Server server, String stamp) throws Exception {
        List<Shape> shapes = shapes(p.tasks());
        List<Planning> planning = new ArrayList<>();
        for (Shape s : shapes) {
            planning.add(planning(s, p.planRepeats()));
            PipelinesBench.log("planned %s: %s", s.name(), planning.getLast());
        }
        NoopExecutor noop = new NoopExecutor(p.tasks() + 10);
        try (BenchDatabase db = BenchDatabase.create(server, stamp, false)) {
            for (Shape s : shapes(p.warmupTasks())) {
                PipelinesBench.log("warm-up: %s with %d tasks", s.name(), p.warmupTasks());
                for (int i = 0; i < 2; i++) {
                    SchedulerRun.run(
                            s.name(),
                            s.ir(),
                            s.attempts(),
                            "memory",
                            new InMemoryRunStore(),
                            null,
                            work.resolve("warmup"),
                            noop,
                            s.collected());
                    SchedulerRun.run(
                            s.name(),
                            s.ir(),
                            s.attempts(),
                            "postgres",
                            new PostgresRunStore(db.pool(8)),
                            db,
                            work.resolve("warmup"),
                            noop,
                            s.collected());
                }
            }
        }
        List<SchedulerRun.Result> runs = new ArrayList<>();
        List<Growth> growth = new ArrayList<>();
        for (int rep = 1; rep <= p.repeats(); rep++) {
            for (Shape s : shapes) {
                System.gc();
                SchedulerRun.Result memory = SchedulerRun.run(
                        s.name(),
                        s.ir(),
                        s.attempts(),
                        "memory",
                        new InMemoryRunStore(),
                        null,
                        work.resolve("memory"),
                        noop,
                        s.collected());
                runs.add(memory);
                PipelinesBench.log("run %d %s memory: %s", rep, s.name(), memory);
                System.gc();
                try (BenchDatabase db = BenchDatabase.create(server, stamp, p.keepDb())) {
                    SchedulerRun.Result pg = SchedulerRun.run(
                            s.name(),
                            s.ir(),
                            s.attempts(),
                            "postgres",
                            new PostgresRunStore(db.pool(8)),
                            db,
                            work.resolve("postgres"),
                            noop,
                            s.collected());
                    runs.add(pg);
                    PipelinesBench.log("run %d %s postgres: %s", rep, s.name(), pg);
                    if (rep == 1) {
                        growth.add(new Growth(s.name(), pg.attempts(), db.sizes(false), db.sizes(true)));
                    }
                }
            }
        }
        return new Output(shapes, planning, runs, growth);
    }

    private static Planning planning(Shape s, int repeats) {
        Planner planner = new Planner(new Routing(NoopExecutor.NAME, Map.of()));
        IrParser parser = new IrParser();
        long t0 = System.nanoTime();
        Plan first = planner.plan(s.ir());
        double firstMs = (System.nanoTime() - t0) / 1e6;
        double[] parse = new double[repeats];
        double[] plan = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long a = System.nanoTime();
            PipelineIr ir = parser.parse(s.ir());
            long b = System.nanoTime();
            planner.plan(ir);
            long c = System.nanoTime();
            parse[i] = (b - a) / 1e6;
            plan[i] = (c - b) / 1e6;
        }
        double[] total = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            total[i] = parse[i] + plan[i];
        }
        return new Planning(
                s.name(),
                s.ir().getBytes(StandardCharsets.UTF_8).length,
                first.tasks().size(),
                first.edges().size(),
                firstMs,
                median(parse),
                median(plan),
                median(total));
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length == 0
                ? Double.NaN
                : v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
