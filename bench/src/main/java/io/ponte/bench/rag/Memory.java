package io.ponte.bench.rag;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A process's resident memory from {@code /proc/PID/status}, in MiB: now ({@code VmRSS}, split into anonymous and
 * file-backed pages) and the peak since it started ({@code VmHWM}).
 *
 * @param when the moment it was read (after which phase)
 */
record Memory(String when, double rssMb, double hwmMb, double anonMb, double fileMb) {

    static Memory of(long pid, String when) {
        String status;
        try {
            status = Files.readString(Path.of("/proc/" + pid + "/status"));
        } catch (IOException e) {
            return new Memory(when, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        return new Memory(
                when, kb(status, "VmRSS:"), kb(status, "VmHWM:"), kb(status, "RssAnon:"), kb(status, "RssFile:"));
    }

    private static double kb(String status, String key) {
        return status.lines()
                .filter(l -> l.startsWith(key))
                .mapToDouble(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024.0)
                .findFirst()
                .orElse(Double.NaN);
    }

    JsonObject toJson() {
        return new JsonObject()
                .put("when", when)
                .put("vm_rss_mb", Math.round(rssMb))
                .put("vm_hwm_mb", Math.round(hwmMb))
                .put("rss_anon_mb", Math.round(anonMb))
                .put("rss_file_mb", Math.round(fileMb));
    }
}
