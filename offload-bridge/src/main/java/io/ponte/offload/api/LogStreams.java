package io.ponte.offload.api;

import io.ponte.offload.core.InvalidRequestException;
import io.ponte.offload.core.LogCursor;
import io.ponte.offload.core.LogOptions;
import io.ponte.offload.core.LogReader;
import io.ponte.offload.core.OffloadService;
import io.ponte.offload.core.PodRecord;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiEmitter;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Answers log requests. A plain request is one answer; with {@code Follow} the answer is streamed:
 * what the log holds now, then every new complete line as the container writes it (checked every
 * 200 ms), until the container has ended and its last bytes were sent.
 */
@ApplicationScoped
class LogStreams {
    private static final long POLL_MS = 200;

    private final OffloadService service;
    private final ScheduledExecutorService poller = Executors.newScheduledThreadPool(1, r -> {
        Thread t = new Thread(r, "offload-log-follow");
        t.setDaemon(true);
        return t;
    });

    LogStreams(OffloadService service) {
        this.service = service;
    }

    Multi<byte[]> open(WireLogRequest request) {
        if (request.podUid() == null || request.podUid().isBlank()) {
            throw new InvalidRequestException("log request: field PodUID is missing");
        }
        if (request.containerName() == null || request.containerName().isBlank()) {
            throw new InvalidRequestException("log request: field ContainerName is missing");
        }
        PodRecord pod = service.pod(request.podUid(), "logs of " + request.podName());
        LogOptions options = options(request.opts());
        LogCursor cursor = LogReader.open(pod, request.containerName(), options);
        if (!options.follow()) {
            return Multi.createFrom().item(cursor.first());
        }
        return Multi.createFrom().emitter(emitter -> follow(emitter, pod, request.containerName(), cursor));
    }

    private void follow(MultiEmitter<? super byte[]> emitter, PodRecord pod, String container, LogCursor cursor) {
        if (cursor.first().length > 0) {
            emitter.emit(cursor.first());
        }
        AtomicReference<ScheduledFuture<?>> task = new AtomicReference<>();
        task.set(poller.scheduleWithFixedDelay(
                () -> {
                    try {
                        boolean ended = service.containerEnded(pod, container);
                        byte[] more = cursor.next(ended);
                        if (more.length > 0) {
                            emitter.emit(more);
                        }
                        if (ended || cursor.exhausted()) {
                            emitter.complete();
                            task.get().cancel(false);
                        }
                    } catch (RuntimeException e) {
                        emitter.fail(e);
                        task.get().cancel(false);
                    }
                },
                POLL_MS,
                POLL_MS,
                TimeUnit.MILLISECONDS));
        emitter.onTermination(() -> {
            ScheduledFuture<?> f = task.get();
            if (f != null) {
                f.cancel(false);
            }
        });
    }

    static LogOptions options(WireLogRequest.Opts opts) {
        if (opts == null) {
            return new LogOptions(Optional.empty(), Optional.empty(), false, Optional.empty(), false, false);
        }
        Optional<Instant> since = Optional.empty();
        if (opts.sinceTime() != null && !opts.sinceTime().isBlank()) {
            try {
                since = Optional.of(Instant.parse(opts.sinceTime()));
            } catch (DateTimeParseException e) {
                throw new InvalidRequestException(
                        "log request: Opts.SinceTime '" + opts.sinceTime() + "' is not an RFC 3339 time");
            }
        } else if (opts.sinceSeconds() != null && opts.sinceSeconds() > 0) {
            since = Optional.of(Instant.now().minusSeconds(opts.sinceSeconds()));
        }
        return new LogOptions(
                Optional.ofNullable(opts.tail()),
                Optional.ofNullable(opts.limitBytes()),
                Boolean.TRUE.equals(opts.timestamps()),
                since,
                Boolean.TRUE.equals(opts.follow()),
                Boolean.TRUE.equals(opts.previous()));
    }

    @PreDestroy
    void stop() {
        poller.shutdownNow();
    }
}
