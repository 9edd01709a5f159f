package io.ponte.bench.pipelines;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A {@link ResumeRunner} JVM started by the harness: its start time, its events as they come, SIGKILL. */
final class RunnerProcess implements AutoCloseable {

    private final Process process;
    private final long startedMicros;
    private final List<Timeline.Event> events = new ArrayList<>();
    private final Thread reader;

    private RunnerProcess(Process process, long startedMicros) {
        this.process = process;
        this.startedMicros = startedMicros;
        this.reader = Thread.ofPlatform().daemon().name("runner-events").start(this::read);
    }

    /** Starts {@code java JVM_OPTS -cp CLASSPATH ResumeRunner ARGS}; stderr goes to {@code log}. */
    static RunnerProcess start(String java, List<String> jvmOpts, List<String> args, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmOpts);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(ResumeRunner.class.getName());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectError(Redirect.appendTo(log.toFile()))
                .redirectInput(Redirect.from(new java.io.File("/dev/null")));
        long t0 = Timeline.nowMicros();
        return new RunnerProcess(builder.start(), t0);
    }

    long startedMicros() {
        return startedMicros;
    }

    long pid() {
        return process.pid();
    }

    private void read() {
        try (BufferedReader in =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                Timeline.Event e = Timeline.Event.parse(line);
                if (e != null) {
                    synchronized (events) {
                        events.add(e);
                        events.notifyAll();
                    }
                }
            }
        } catch (IOException e) {
            // the process is gone
        }
    }

    List<Timeline.Event> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    /** Waits until an event matches, the process ends, or {@code timeoutMs} passes; returns the event or null. */
    Timeline.Event await(Predicate<Timeline.Event> match, long timeoutMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        synchronized (events) {
            while (true) {
                for (Timeline.Event e : events) {
                    if (match.test(e)) {
                        return e;
                    }
                }
                long left = deadline - System.currentTimeMillis();
                if (left <= 0 || !process.isAlive() && !reader.isAlive()) {
                    return null;
                }
                events.wait(Math.min(left, 100));
            }
        }
    }

    /** SIGKILL, and wait for the process to be gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Waits for the process to exit by itself; true when it did in time. */
    boolean awaitExit(long timeoutMs) throws InterruptedException {
        boolean exited = process.waitFor(timeoutMs, TimeUnit.MILLISECONDS);
        reader.join(2000);
        return exited;
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
