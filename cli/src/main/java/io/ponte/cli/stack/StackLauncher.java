package io.ponte.cli.stack;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Starts services in catalogue order, each one ready before the next starts, all or nothing: when
 * one fails, those already started are stopped again.
 */
public final class StackLauncher {
    private static final int LOG_LINES_ON_FAILURE = 15;

    private final ProcessSupervisor supervisor;
    private final HealthWaiter waiter;
    private final List<Started> started = new CopyOnWriteArrayList<>();
    private volatile boolean stopping;

    public StackLauncher(ProcessSupervisor supervisor, HealthWaiter waiter) {
        this.supervisor = supervisor;
        this.waiter = waiter;
    }

    /** A service this launcher started and saw ready. */
    public record Started(ServiceSpec service, Process process, int port, Duration startup) {}

    /** Told about each service as it starts and as it becomes ready. */
    public interface Listener {
        void starting(ServiceSpec service, int port, Path log);

        void ready(Started started);
    }

    /** Starts each service on its port and waits up to {@code deadline} for each to be ready. */
    public List<Started> start(Map<ServiceSpec, Integer> ports, Duration deadline, Listener listener) {
        List<Started> ready = new ArrayList<>();
        for (Map.Entry<ServiceSpec, Integer> entry : ports.entrySet()) {
            if (stopping) {
                throw StackException.failed("start-up was interrupted");
            }
            ServiceSpec service = entry.getKey();
            int port = entry.getValue();
            listener.starting(service, port, supervisor.state().logFile(service.name()));
            long begin = System.nanoTime();
            Process process = supervisor.start(service, port);
            Started one = new Started(service, process, port, Duration.ZERO);
            started.add(one);
            HealthWaiter.Outcome outcome = waiter.await(process.toHandle(), port, service.readyPath(), deadline);
            if (outcome != HealthWaiter.Outcome.READY) {
                stopAll();
                throw StackException.failed(failure(service, port, process, outcome, deadline));
            }
            Started done = new Started(service, process, port, Duration.ofNanos(System.nanoTime() - begin));
            ready.add(done);
            listener.ready(done);
        }
        return ready;
    }

    /**
     * Stops every service this launcher started, the last started first, and returns their names.
     * Once called, the launcher starts nothing more.
     */
    public List<String> stopAll() {
        stopping = true;
        List<Started> toStop = new ArrayList<>(started);
        started.removeAll(toStop);
        List<String> stopped = new ArrayList<>();
        for (Started one : toStop.reversed()) {
            supervisor.stop(one.service());
            stopped.add(one.service().name());
        }
        return stopped;
    }

    /** Whether {@link #stopAll} has been called. */
    public boolean isStopping() {
        return stopping;
    }

    private String failure(
            ServiceSpec service, int port, Process process, HealthWaiter.Outcome outcome, Duration deadline) {
        Path log = supervisor.state().logFile(service.name());
        String what = outcome == HealthWaiter.Outcome.EXITED
                ? service.name() + " exited during start-up (exit code " + exitCode(process) + ")"
                : service.name() + " did not become ready on " + HealthProbe.baseUrl(port) + service.readyPath()
                        + " within " + deadline.toSeconds() + " s (wait longer with --timeout=SECONDS)";
        StringBuilder message = new StringBuilder(what).append("; its log is ").append(log);
        try {
            List<String> tail = LogTail.lastLines(log, LOG_LINES_ON_FAILURE);
            if (!tail.isEmpty()) {
                message.append("\nlast lines of the log:");
                tail.forEach(line -> message.append("\n  | ").append(line));
            }
        } catch (IOException e) {
            // the path above is enough
        }
        return message.toString();
    }

    private static String exitCode(Process process) {
        try {
            return Integer.toString(process.waitFor());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
