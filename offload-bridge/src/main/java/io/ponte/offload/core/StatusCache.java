package io.ponte.offload.core;

import io.ponte.offload.spi.JobScheduler;
import io.ponte.offload.spi.JobState;
import io.ponte.offload.spi.SchedulerException;
import io.ponte.offload.spi.SubmittedJob;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The scheduler's answers, cached per job. When a status request finds an answer older than the
 * poll interval, ONE scheduler query refreshes every tracked job that has not ended; answers about
 * ended jobs never change and are kept. Concurrent status requests share one refresh.
 */
final class StatusCache {
    private record Entry(JobState state, Instant at) {}

    private final JobScheduler scheduler;
    private final Duration maxAge;
    private final Clock clock;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Object refreshLock = new Object();

    StatusCache(JobScheduler scheduler, Duration maxAge, Clock clock) {
        this.scheduler = scheduler;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    /** The state of each requested pod's job, refreshing all tracked jobs at once when any answer is stale. */
    Map<String, JobState> states(Collection<PodRecord> requested, Collection<PodRecord> tracked) {
        if (requested.stream().anyMatch(this::stale)) {
            synchronized (refreshLock) {
                if (requested.stream().anyMatch(this::stale)) {
                    refresh(tracked);
                }
            }
        }
        Map<String, JobState> out = new ConcurrentHashMap<>();
        for (PodRecord pod : requested) {
            Entry e = entries.get(pod.uid());
            if (e != null) {
                out.put(pod.uid(), e.state());
            }
        }
        return out;
    }

    void forget(String uid) {
        entries.remove(uid);
    }

    private boolean stale(PodRecord pod) {
        Entry e = entries.get(pod.uid());
        return e == null || (!e.state().isFinal() && e.at().plus(maxAge).isBefore(clock.instant()));
    }

    private void refresh(Collection<PodRecord> tracked) {
        List<PodRecord> open = tracked.stream()
                .filter(p -> {
                    Entry e = entries.get(p.uid());
                    return e == null || !e.state().isFinal();
                })
                .toList();
        if (open.isEmpty()) {
            return;
        }
        Map<SubmittedJob, JobState> answers;
        try {
            answers = scheduler.query(open.stream().map(StatusCache::job).toList());
        } catch (SchedulerException e) {
            throw new SchedulerUnavailableException(
                    "the " + scheduler.name() + " scheduler did not answer a status query: " + e.getMessage(), e);
        }
        Instant now = clock.instant();
        for (PodRecord pod : open) {
            JobState state = answers.get(job(pod));
            if (state != null) {
                entries.put(pod.uid(), new Entry(state, now));
            }
        }
    }

    static SubmittedJob job(PodRecord pod) {
        return new SubmittedJob(pod.jobId(), pod.dir().path());
    }
}
