package io.ponte.router.metrics;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.ponte.router.config.RouterConfig;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.jboss.logging.Logger;

/**
 * One JSON line per request, written in batches by a background thread that wakes every 20 ms:
 * the event loops never block on the log, never wake a thread and pay no system call per request.
 * When the writer falls behind by more than {@value #CAPACITY} lines, lines are dropped and counted
 * ({@code ponte_router_access_log_dropped_total}) rather than slowing requests down.
 */
@Singleton
public class AccessLog {

    private static final Logger LOG = Logger.getLogger(AccessLog.class);
    private static final int CAPACITY = 65_536;

    /** Everything one line says. */
    public record Entry(
            String requestId,
            String apiKey,
            String endpoint,
            String model,
            String backend,
            int status,
            String outcome,
            int attempts,
            boolean stream,
            long durationMicros,
            long ttftMicros,
            long overheadMicros,
            long promptTokens,
            long completionTokens) {}

    private final boolean enabled;
    private static final long FLUSH_NANOS = 20_000_000;

    // Lock-free and signal-free: producers never wake the writer, which polls every FLUSH_NANOS.
    private final Queue<String> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private volatile boolean stopping;
    private final Counter dropped;
    private final Thread writer;
    private final OutputStream out;

    @Inject
    public AccessLog(RouterConfig config, MeterRegistry registry) {
        this.enabled = config.accessLog();
        this.dropped = Counter.builder("ponte.router.access.log.dropped")
                .description("Access-log lines dropped because the writer fell behind")
                .register(registry);
        this.out = enabled ? open(config.accessLogFile().orElse(null)) : OutputStream.nullOutputStream();
        this.writer = Thread.ofPlatform().name("ponte-access-log").daemon().unstarted(this::drain);
        if (enabled) {
            writer.start();
        }
    }

    public boolean enabled() {
        return enabled;
    }

    /** Queues the line for {@code e}; never blocks. */
    public void write(Entry e) {
        if (!enabled) {
            return;
        }
        if (queued.incrementAndGet() > CAPACITY) {
            queued.decrementAndGet();
            dropped.increment();
            return;
        }
        queue.offer(format(e));
    }

    static String format(Entry e) {
        StringBuilder b = new StringBuilder(360);
        b.append("{\"time_ms\":").append(System.currentTimeMillis());
        b.append(",\"request_id\":");
        quote(b, e.requestId());
        b.append(",\"api_key\":");
        quote(b, e.apiKey());
        b.append(",\"endpoint\":");
        quote(b, e.endpoint());
        b.append(",\"model\":");
        quote(b, e.model());
        b.append(",\"backend\":");
        quote(b, e.backend());
        b.append(",\"status\":").append(e.status());
        b.append(",\"outcome\":");
        quote(b, e.outcome());
        b.append(",\"attempts\":").append(e.attempts());
        b.append(",\"stream\":").append(e.stream());
        b.append(",\"duration_us\":").append(e.durationMicros());
        b.append(",\"ttft_us\":").append(e.ttftMicros());
        b.append(",\"overhead_us\":").append(e.overheadMicros());
        b.append(",\"prompt_tokens\":").append(e.promptTokens());
        b.append(",\"completion_tokens\":").append(e.completionTokens());
        return b.append("}\n").toString();
    }

    private void drain() {
        StringBuilder text = new StringBuilder(64 * 1024);
        try {
            while (true) {
                boolean last = stopping;
                String line;
                int n = 0;
                text.setLength(0);
                while ((line = queue.poll()) != null) {
                    text.append(line);
                    n++;
                }
                if (n > 0) {
                    queued.addAndGet(-n);
                    out.write(text.toString().getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
                if (last) {
                    return;
                }
                LockSupport.parkNanos(FLUSH_NANOS);
            }
        } catch (IOException e) {
            LOG.errorf("The access log can no longer be written (%s); access logging stops", e.getMessage());
        }
    }

    @PreDestroy
    void close() throws InterruptedException {
        stopping = true;
        if (enabled) {
            LockSupport.unpark(writer);
            writer.join(2_000);
        }
    }

    private static OutputStream open(Path file) {
        if (file == null) {
            return new FileOutputStream(FileDescriptor.out);
        }
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            return Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "ponte.router.access-log-file: cannot open " + file + " for appending: " + e.getMessage(), e);
        }
    }

    private static void quote(StringBuilder b, String s) {
        if (s == null) {
            b.append("null");
            return;
        }
        b.append('"');
        JsonStringEncoder.getInstance().quoteAsString(s, b);
        b.append('"');
    }
}
