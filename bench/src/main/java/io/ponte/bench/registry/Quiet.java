package io.ponte.bench.registry;

import java.time.Duration;
import java.util.Map;

/** Waits for the shared machine to calm down before a disturbed phase is measured again. */
final class Quiet {

    private Quiet() {}

    /** Returns once the whole machine was under {@code maxBusyPercent} busy for 2 s, or after {@code limit}. */
    static void await(double maxBusyPercent, Duration limit) throws InterruptedException {
        var machine = new Cpu(Map.of());
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            var before = machine.snapshot();
            Thread.sleep(2000);
            double busy = Cpu.between(before, machine.snapshot()).busyPercent();
            if (busy < maxBusyPercent) {
                return;
            }
        }
        RegistryBench.log("  machine still busy after %d s; measuring anyway", limit.toSeconds());
    }
}
