package io.ponte.bench.rag;

import io.ponte.bench.common.Cpu;
import io.ponte.bench.common.Shell;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where a service's CPU time goes during a phase, by thread role. A background reader takes every thread's tick
 * counters and name from {@code /proc/PID/task} four times a second (so a thread that ends during the phase, like an
 * embedding worker idle for its 1 s keep-alive, still counts); at the end {@code jcmd PID Thread.print} lists the
 * JVM's threads with their native ids. A live thread the JVM does not list is a native thread: in the rag service,
 * ONNX Runtime's intra-op pool, which runs the embedding model beside the calling Java thread. Ticks are 10 ms.
 */
final class ThreadCpu implements AutoCloseable {

    static final String ONNX = "embedding: ONNX Runtime native threads";
    static final String EMBED_WORKERS = "embedding: langchain4j workers (call the model)";
    static final String REQUEST = "request threads (walk, hash, parse, split, query, Lucene, JSON)";
    static final String EVENT_LOOP = "HTTP event loop";
    static final String MERGES = "Lucene merges";
    static final String GC = "GC";
    static final String JIT = "JIT compilers";
    static final String OTHER = "other JVM threads";
    static final String UNSEEN = "not seen by the 250 ms reader (threads that lived briefly)";

    private static final Pattern THREAD = Pattern.compile("^\"(.*)\".*\\bnid=(0x[0-9a-f]+|\\d+)");
    private static final long PERIOD_MS = 250;

    private final long pid;
    private final Map<Long, Long> first = new HashMap<>();
    private final Map<Long, Long> last = new HashMap<>();
    private final Map<Long, String> comm = new HashMap<>();
    private final double processMsBefore;
    private final Thread reader;
    private volatile boolean running = true;

    private ThreadCpu(long pid) {
        this.pid = pid;
        this.processMsBefore = Cpu.processCpuMs(pid);
        read(true);
        this.reader = Thread.ofPlatform().daemon().name("thread-cpu-" + pid).start(this::loop);
    }

    /** Starts reading the threads of {@code pid}; {@link #byRole()} ends the phase. */
    static ThreadCpu start(long pid) {
        return new ThreadCpu(pid);
    }

    /** CPU milliseconds per role since {@link #start}, largest first. */
    Map<String, Double> byRole() throws InterruptedException {
        stopReader();
        read(false);
        double processMs = Cpu.processCpuMs(pid) - processMsBefore;
        Map<Long, String> jvm = javaThreads();
        Map<String, Double> roles = new HashMap<>();
        double attributed = 0;
        synchronized (this) {
            for (var e : last.entrySet()) {
                long ticks = e.getValue() - first.getOrDefault(e.getKey(), 0L);
                if (ticks > 0) {
                    attributed += ticks * 10.0;
                    roles.merge(role(e.getKey(), jvm), ticks * 10.0, Double::sum);
                }
            }
        }
        if (processMs - attributed >= 10) {
            roles.merge(UNSEEN, processMs - attributed, Double::sum);
        }
        Map<String, Double> sorted = new LinkedHashMap<>();
        roles.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    @Override
    public void close() throws InterruptedException {
        stopReader();
    }

    private void stopReader() throws InterruptedException {
        running = false;
        reader.interrupt();
        reader.join();
    }

    private void loop() {
        while (running) {
            try {
                Thread.sleep(PERIOD_MS);
            } catch (InterruptedException e) {
                return;
            }
            read(false);
        }
    }

    private synchronized void read(boolean baseline) {
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            tasks.forEach(task -> {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long tid = Long.parseLong(task.getFileName().toString());
                    long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
                    if (baseline) {
                        first.put(tid, ticks);
                    }
                    last.put(tid, ticks);
                    comm.put(tid, stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')));
                } catch (IOException | RuntimeException e) {
                    // the thread ended between the listing and the read
                }
            });
        } catch (IOException e) {
            // the process is gone; what was read stands
        }
    }

    /**
     * A thread's role: by its JVM name when the JVM lists it, native when it is alive but unlisted, and by its
     * (15-character) kernel name when it has ended.
     */
    private String role(long tid, Map<Long, String> jvm) {
        String name = jvm.get(tid);
        if (name == null
                && !jvm.isEmpty()
                && Files.exists(Path.of("/proc", Long.toString(pid), "task", Long.toString(tid)))) {
            return ONNX;
        }
        return role(name != null ? name : comm.getOrDefault(tid, ""));
    }

    static String role(String name) {
        if (name.matches("pool-\\d+-thread.*")) {
            return EMBED_WORKERS;
        }
        if (name.startsWith("executor-thread") || name.startsWith("rag-startup-ing")) {
            return REQUEST;
        }
        if (name.startsWith("vert.x-")) {
            return EVENT_LOOP;
        }
        if (name.startsWith("Lucene Merge")) {
            return MERGES;
        }
        if (name.startsWith("GC ") || name.startsWith("G1 ")) {
            return GC;
        }
        if (name.startsWith("C1 ") || name.startsWith("C2 ")) {
            return JIT;
        }
        return OTHER;
    }

    /** Native thread id → JVM thread name, from {@code jcmd Thread.print}; empty when jcmd cannot attach. */
    private Map<Long, String> javaThreads() {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Map<Long, String> names = new HashMap<>();
        for (String line : Shell.lines(List.of(jcmd.toString(), Long.toString(pid), "Thread.print"))) {
            Matcher m = THREAD.matcher(line);
            if (m.find()) {
                String nid = m.group(2);
                names.put(
                        nid.startsWith("0x") ? Long.parseLong(nid.substring(2), 16) : Long.parseLong(nid), m.group(1));
            }
        }
        return names;
    }
}
