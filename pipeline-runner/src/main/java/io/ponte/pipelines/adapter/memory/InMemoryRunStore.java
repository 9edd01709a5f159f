package io.ponte.pipelines.adapter.memory;

import io.ponte.pipelines.spi.AttemptRecord;
import io.ponte.pipelines.spi.CacheEntry;
import io.ponte.pipelines.spi.Page;
import io.ponte.pipelines.spi.RunClaim;
import io.ponte.pipelines.spi.RunQuery;
import io.ponte.pipelines.spi.RunRecord;
import io.ponte.pipelines.spi.RunStore;
import io.ponte.pipelines.spi.StaleRecordException;
import io.ponte.pipelines.spi.TaskPosition;
import io.ponte.pipelines.spi.TaskRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link RunStore} in memory: for unit tests and for {@code ponte.pipelines.run-store=memory}.
 * Nothing survives a restart. Writes return the stored record with its revision incremented;
 * updates are conditional on the caller's revision; run claims are kept beside the runs, so
 * several engines sharing one instance (tests) coordinate as runners sharing PostgreSQL do.
 */
public class InMemoryRunStore implements RunStore {

    private final Map<String, RunRecord> runs = new ConcurrentHashMap<>();
    private final Map<String, Map<String, TaskRecord>> tasks = new ConcurrentHashMap<>();
    private final Map<String, Map<Integer, AttemptRecord>> attempts = new ConcurrentHashMap<>();
    private final Map<String, CacheEntry> cache = new ConcurrentHashMap<>();
    private final Map<String, RunClaim> claims = new ConcurrentHashMap<>();

    @Override
    public synchronized void createRun(RunRecord run, List<TaskRecord> initial) {
        if (runs.containsKey(run.id())) {
            throw new IllegalStateException("run " + run.id() + " exists");
        }
        Map<String, TaskRecord> map = new LinkedHashMap<>();
        for (TaskRecord t : initial) {
            map.put(t.taskPath(), t);
        }
        tasks.put(run.id(), map);
        runs.put(run.id(), run);
    }

    @Override
    public Optional<RunRecord> run(String runId) {
        return Optional.ofNullable(runs.get(runId));
    }

    @Override
    public Page<RunRecord> listRuns(RunQuery q) {
        return RunPages.page(runs.values(), q);
    }

    @Override
    public synchronized RunRecord updateRun(RunRecord run) {
        RunRecord stored = runs.get(run.id());
        if (stored == null) {
            throw new StaleRecordException("run " + run.id() + " does not exist");
        }
        if (stored.revision() != run.revision()) {
            throw new StaleRecordException("run " + run.id() + " is at revision " + stored.revision());
        }
        RunRecord next = new RunRecord(
                run.id(),
                run.displayName(),
                run.pipelineName(),
                run.pipelineSpec(),
                run.parameters(),
                run.pipelineRoot(),
                run.cachingEnabled(),
                run.state(),
                run.error(),
                run.createdAt(),
                run.finishedAt(),
                run.revision() + 1);
        runs.put(run.id(), next);
        return next;
    }

    @Override
    public TaskRecord upsertTask(TaskRecord task) {
        Map<String, TaskRecord> map = tasks.get(task.runId());
        if (map == null) {
            throw new IllegalStateException("no run " + task.runId());
        }
        synchronized (map) {
            TaskRecord stored = map.get(task.taskPath());
            if (stored != null && stored.revision() != task.revision()) {
                throw new StaleRecordException("task " + task.taskPath() + " is at revision " + stored.revision());
            }
            TaskRecord next = withRevision(task, task.revision() + 1);
            map.put(task.taskPath(), next);
            return next;
        }
    }

    private static TaskRecord withRevision(TaskRecord t, long revision) {
        return new TaskRecord(
                t.runId(),
                t.taskPath(),
                t.taskName(),
                t.state(),
                t.attempts(),
                t.inputParameters(),
                t.outputParameters(),
                t.outputArtifacts(),
                t.cacheKey(),
                t.statusDetail(),
                t.executor(),
                t.executorRef(),
                t.startedAt(),
                t.finishedAt(),
                t.error(),
                revision);
    }

    @Override
    public List<TaskRecord> insertTasks(List<TaskRecord> batch) {
        List<TaskRecord> out = new ArrayList<>(batch.size());
        for (TaskRecord task : batch) {
            Map<String, TaskRecord> map = tasks.get(task.runId());
            if (map == null) {
                throw new IllegalStateException("no run " + task.runId());
            }
            synchronized (map) {
                out.add(map.computeIfAbsent(task.taskPath(), k -> withRevision(task, task.revision() + 1)));
            }
        }
        return out;
    }

    @Override
    public List<TaskRecord> tasks(String runId) {
        Map<String, TaskRecord> map = tasks.get(runId);
        if (map == null) {
            return List.of();
        }
        synchronized (map) {
            return new ArrayList<>(map.values());
        }
    }

    @Override
    public Page<TaskRecord> taskPage(String runId, int pageSize, Optional<String> pageToken) {
        long from = pageToken.map(TaskPosition::decode).orElse(0L);
        List<TaskRecord> all = tasks(runId);
        int start = (int) Math.min(from, all.size());
        int end = Math.min(all.size(), start + Math.max(1, pageSize));
        Optional<String> next = end < all.size() ? Optional.of(TaskPosition.encode(end)) : Optional.empty();
        return new Page<>(List.copyOf(all.subList(start, end)), next, all.size());
    }

    @Override
    public Optional<TaskRecord> task(String runId, String taskPath) {
        Map<String, TaskRecord> map = tasks.get(runId);
        if (map == null) {
            return Optional.empty();
        }
        synchronized (map) {
            return Optional.ofNullable(map.get(taskPath));
        }
    }

    @Override
    public void saveAttempt(AttemptRecord attempt) {
        attempts.computeIfAbsent(attempt.runId() + "\u0000" + attempt.taskPath(), k -> new TreeMap<>());
        Map<Integer, AttemptRecord> map = attempts.get(attempt.runId() + "\u0000" + attempt.taskPath());
        synchronized (map) {
            map.put(attempt.attempt(), attempt);
        }
    }

    @Override
    public List<AttemptRecord> attempts(String runId, String taskPath) {
        Map<Integer, AttemptRecord> map = attempts.get(runId + "\u0000" + taskPath);
        if (map == null) {
            return List.of();
        }
        synchronized (map) {
            return new ArrayList<>(map.values());
        }
    }

    @Override
    public Optional<CacheEntry> cacheLookup(String key) {
        return Optional.ofNullable(cache.get(key));
    }

    @Override
    public void cachePut(CacheEntry entry) {
        cache.putIfAbsent(entry.key(), entry);
    }

    @Override
    public int cacheEvict(Optional<String> key) {
        if (key.isPresent()) {
            return cache.remove(key.get()) == null ? 0 : 1;
        }
        int n = cache.size();
        cache.clear();
        return n;
    }

    @Override
    public List<String> unfinishedRuns() {
        return runs.values().stream()
                .filter(r -> !r.state().isFinal())
                .sorted(Comparator.comparing(RunRecord::createdAt))
                .map(RunRecord::id)
                .toList();
    }

    @Override
    public Optional<RunClaim> claimRun(String runId, String owner, Instant now, Instant until) {
        if (!runs.containsKey(runId)) {
            return Optional.empty();
        }
        return Optional.of(claims.compute(runId, (id, held) -> {
            boolean free =
                    held == null || held.owner().equals(owner) || !held.until().isAfter(now);
            return free ? new RunClaim(owner, until) : held;
        }));
    }

    @Override
    public void releaseRun(String runId, String owner) {
        claims.computeIfPresent(runId, (id, held) -> held.owner().equals(owner) ? null : held);
    }
}
