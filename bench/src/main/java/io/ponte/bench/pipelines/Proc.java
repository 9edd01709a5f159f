package io.ponte.bench.pipelines;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Facts about this JVM from {@code /proc/self}. */
final class Proc {

    private Proc() {}

    static long pid() {
        return ProcessHandle.current().pid();
    }

    /** Peak resident set (VmHWM) of this process in MiB, or -1. */
    static long peakRssMb() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(l -> l.startsWith("VmHWM:"))
                    .mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024)
                    .findFirst()
                    .orElse(-1);
        } catch (IOException e) {
            return -1;
        }
    }

    /** Heap in use after a full collection, in MiB (a rough retained size). */
    static long heapAfterGcMb() {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        return (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024);
    }
}
