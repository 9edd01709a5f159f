package io.ponte.offload.core;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Pod;
import io.ponte.offload.core.script.JobScript;
import io.ponte.offload.spi.JobScheduler;
import io.ponte.offload.spi.JobState;
import io.ponte.offload.spi.NodeCapacity;
import io.ponte.offload.spi.SchedulerException;
import io.ponte.offload.spi.SubmittedJob;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * What the plugin API does, without HTTP: create a pod's job (idempotent per uid), delete it
 * (idempotent, also for unknown uids), answer status for many pods from one scheduler query, and
 * read logs. Its state is the pods' working directories: {@link #adoptExisting()} takes back the
 * jobs of an earlier run.
 */
public final class OffloadService implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(OffloadService.class);

    private final PodPlanner planner;
    private final JobScheduler scheduler;
    private final JobScript scripts;
    private final PodStore store;
    private final StatusCache cache;
    private final Duration grace;
    private final Duration keepDeleted;
    private final Map<String, PodRecord> pods = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    private final ScheduledExecutorService cleaner = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "offload-cleanup");
        t.setDaemon(true);
        return t;
    });

    public OffloadService(
            PodPlanner planner,
            JobScheduler scheduler,
            ObjectMapper json,
            Path root,
            Duration pollInterval,
            Duration grace,
            Duration keepDeleted) {
        this.planner = planner;
        this.scheduler = scheduler;
        this.scripts = new JobScript(grace);
        this.store = new PodStore(root, json);
        this.cache = new StatusCache(scheduler, pollInterval, Clock.systemUTC());
        this.grace = grace;
        this.keepDeleted = keepDeleted;
    }

    /** Takes back every pod an earlier run submitted and did not delete; removes leftovers of deleted pods. */
    public int adoptExisting() {
        int adopted = 0;
        for (PodDirectory dir : store.directories()) {
            if (Files.exists(dir.deletedMarker())) {
                scheduleRemoval(dir, Duration.ZERO);
                continue;
            }
            Optional<PodRecord> record = store.load(dir);
            if (record.isEmpty() && !Files.exists(dir.jobId())) {
                try {
                    record = recoverUnrecorded(dir);
                } catch (SchedulerUnavailableException e) {
                    LOG.warnf(
                            "keeping %s: cannot tell whether its job was submitted (%s)",
                            dir.path().getFileName(), e.getMessage());
                    continue;
                }
            }
            if (record.isPresent()) {
                scheduler.adopt(StatusCache.job(record.get()));
                pods.put(record.get().uid(), record.get());
                adopted++;
            } else if (!Files.exists(dir.jobId())) {
                LOG.infof("removing %s: its job was never submitted", dir.path().getFileName());
                PodStore.removeTree(dir.path());
            }
        }
        return adopted;
    }

    /** Submits the pod's job, or answers the job already submitted for this uid. */
    public PodRecord create(PodRequest request) {
        PodDirectory dir = planner.directoryOf(request.pod());
        String uid = request.pod().getMetadata().getUid();
        synchronized (locks.computeIfAbsent(uid, k -> new Object())) {
            PodRecord existing = pods.get(uid);
            if (existing != null) {
                return existing;
            }
            Optional<PodRecord> onDisk = store.load(dir);
            if (onDisk.isEmpty()) {
                onDisk = recoverUnrecorded(dir);
            }
            if (onDisk.isPresent()) {
                pods.put(uid, onDisk.get());
                return onDisk.get();
            }
            try {
                PodRecord record = submit(request, dir);
                pods.put(uid, record);
                return record;
            } catch (RuntimeException e) {
                PodStore.removeTree(dir.path());
                throw e;
            }
        }
    }

    private PodRecord submit(PodRequest request, PodDirectory dir) {
        PodPlan plan = planner.plan(request);
        checkCapacity(plan);
        store.saveRequest(dir, request);
        store.saveScript(dir, scripts.render(plan, scheduler.directives(dir.path(), plan.schedulerFlags())));
        String jobId;
        try {
            jobId = scheduler.submit(dir.path(), dir.script());
        } catch (SchedulerException e) {
            Optional<String> submittedAnyway = e.retriable() ? findQuietly(dir) : Optional.empty();
            if (submittedAnyway.isPresent()) {
                jobId = submittedAnyway.get(); // e.g. sbatch was killed at its deadline after queueing the job
            } else if (e.retriable()) {
                throw new SchedulerUnavailableException(
                        "the " + scheduler.name() + " scheduler is not available: " + e.getMessage(), e);
            } else {
                throw new PodRejectedException(
                        "the " + scheduler.name() + " scheduler refused the job: " + e.getMessage());
            }
        }
        store.saveJobId(dir, jobId);
        LOG.infof(
                "pod %s/%s (%s) submitted as job %s",
                plan.request().pod().getMetadata().getNamespace(),
                plan.request().pod().getMetadata().getName(),
                dir.path().getFileName(),
                jobId);
        return PodStore.record(request, dir, jobId);
    }

    /**
     * Closes the window between the scheduler accepting a job and its id being written: a pod
     * directory with a job script but no job id may have a job running. The scheduler is asked for
     * it (for Slurm: one squeue call by job name and working directory); if found, its id is
     * recorded and the pod taken back instead of being submitted again or forgotten.
     */
    private Optional<PodRecord> recoverUnrecorded(PodDirectory dir) {
        if (!Files.exists(dir.request()) || !Files.exists(dir.script()) || Files.exists(dir.jobId())) {
            return Optional.empty();
        }
        Optional<String> jobId;
        try {
            jobId = scheduler.find(dir.path(), dir.script());
        } catch (SchedulerException e) {
            throw new SchedulerUnavailableException(
                    "cannot ask the " + scheduler.name() + " scheduler for an earlier submission of this pod: "
                            + e.getMessage(),
                    e);
        }
        if (jobId.isEmpty()) {
            return Optional.empty();
        }
        store.saveJobId(dir, jobId.get());
        LOG.warnf(
                "%s: job %s was submitted by an earlier run that did not record its id; taken back",
                dir.path().getFileName(), jobId.get());
        return store.load(dir);
    }

    private Optional<String> findQuietly(PodDirectory dir) {
        try {
            return scheduler.find(dir.path(), dir.script());
        } catch (SchedulerException e) {
            return Optional.empty();
        }
    }

    private void checkCapacity(PodPlan plan) {
        Optional<NodeCapacity> capacity;
        try {
            capacity = scheduler.capacity();
        } catch (SchedulerException e) {
            throw new SchedulerUnavailableException("cannot read the scheduler's capacity: " + e.getMessage(), e);
        }
        capacity.ifPresent(c -> CapacityCheck.check(plan.resources(), c));
    }

    /** Stops the pod's job and removes its files; nothing to do for a pod this bridge does not know. */
    public void delete(Pod pod) {
        PodDirectory dir = planner.directoryOf(pod);
        String uid = pod.getMetadata().getUid();
        synchronized (locks.computeIfAbsent(uid, k -> new Object())) {
            PodRecord record = pods.remove(uid);
            cache.forget(uid);
            if (record == null) {
                record = store.load(dir).orElse(null);
            }
            if (record == null) {
                PodStore.removeTree(dir.path());
                return;
            }
            try {
                Files.writeString(dir.deletedMarker(), "");
            } catch (IOException e) {
                LOG.debugf("cannot mark %s deleted: %s", dir.path(), e.getMessage());
            }
            try {
                scheduler.cancel(StatusCache.job(record), grace);
            } catch (SchedulerException e) {
                LOG.warnf("cancelling job %s of pod %s failed: %s", record.jobId(), uid, e.getMessage());
            }
            scheduleRemoval(dir, grace.plusSeconds(2).compareTo(keepDeleted) > 0 ? grace.plusSeconds(2) : keepDeleted);
        }
        locks.remove(uid);
    }

    private void scheduleRemoval(PodDirectory dir, Duration after) {
        cleaner.schedule(() -> PodStore.removeTree(dir.path()), after.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The status of each pod; pods this bridge does not know are left out. */
    public List<PodStatusView> status(Collection<String> uids) {
        List<PodRecord> known = new ArrayList<>();
        for (String uid : uids) {
            PodRecord record = pods.get(uid);
            if (record != null) {
                known.add(record);
            }
        }
        Map<String, JobState> states = cache.states(known, pods.values());
        List<PodStatusView> out = new ArrayList<>();
        for (PodRecord pod : known) {
            JobState state = states.getOrDefault(pod.uid(), JobState.pending(null, "waiting for the scheduler"));
            out.add(StatusAssembler.assemble(pod, state));
        }
        return out;
    }

    /** The pod of this uid, or an {@link UnknownPodException} naming it. */
    public PodRecord pod(String uid, String what) {
        PodRecord record = uid == null ? null : pods.get(uid);
        if (record == null) {
            throw new UnknownPodException(what + ": no pod with uid " + uid + " runs on this bridge (never created,"
                    + " or already deleted)");
        }
        return record;
    }

    /** Whether the container has ended (or its job has, so it never will run). */
    public boolean containerEnded(PodRecord pod, String container) {
        if (Files.exists(pod.dir().exit(container)) || !pods.containsKey(pod.uid())) {
            return true;
        }
        JobState state = cache.states(List.of(pod), pods.values()).get(pod.uid());
        return state != null && state.isFinal();
    }

    /** The scheduler's capacity, for the node's advertised resources. */
    public Optional<NodeCapacity> capacity() {
        try {
            return scheduler.capacity();
        } catch (SchedulerException e) {
            throw new SchedulerUnavailableException("cannot read the scheduler's capacity: " + e.getMessage(), e);
        }
    }

    /** How many pods are tracked. */
    public int size() {
        return pods.size();
    }

    /** The job of a tracked pod, as the scheduler knows it. */
    public static SubmittedJob job(PodRecord pod) {
        return StatusCache.job(pod);
    }

    @Override
    public void close() {
        cleaner.shutdownNow();
    }

    static void ensureDirectory(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
