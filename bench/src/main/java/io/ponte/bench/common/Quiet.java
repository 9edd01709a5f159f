package io.ponte.bench.common;

import java.time.Duration;
import java.util.Map;

/** Waits for the shared machine to calm down before a disturbed phase is measured again. */
public final class Quiet {

    private Quiet() {}

    /**
     * Returns true once the whole machine was under {@code maxBusyPercent} busy for 2 s, false when it still was not
     * after {@code limit} (the caller measures anyway and says so).
     */
    public static boolean await(double maxBusyPercent, Duration limit) throws InterruptedException {
        var machine = new Cpu(Map.of());
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            var before = machine.snapshot();
            Thread.sleep(2000);
            double busy = Cpu.between(before, machine.snapshot()).busyPercent();
            if (busy < maxBusyPercent) {
                return true;
            }
        }
        return false;
    }
}
