package io.ponte.bench.common;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The machine a run happened on, from {@code /proc} and {@code lscpu}: CPU model, logical CPUs and physical cores,
 * memory, kernel, load average at the start, hypervisor, and the JDK of the running program.
 */
public record Machine(
        String cpuModel,
        int cpus,
        int cores,
        long memTotalMb,
        String kernel,
        String loadAverage,
        String hypervisor,
        String jdk) {

    public static Machine collect() {
        String cpuinfo = read("/proc/cpuinfo");
        String model = cpuinfo.lines()
                .filter(l -> l.startsWith("model name"))
                .map(Machine::value)
                .findFirst()
                .orElse("unknown");
        int cpus = (int) cpuinfo.lines().filter(l -> l.startsWith("processor")).count();
        long memKb = read("/proc/meminfo")
                .lines()
                .filter(l -> l.startsWith("MemTotal:"))
                .mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", "")))
                .findFirst()
                .orElse(0);
        List<String> lscpu = Shell.lines(List.of("lscpu"));
        int coresPerSocket = (int) lscpuNumber(lscpu, "Core(s) per socket:");
        int sockets = (int) lscpuNumber(lscpu, "Socket(s):");
        String hypervisor = lscpu.stream()
                .filter(l -> l.startsWith("Hypervisor vendor:"))
                .map(Machine::value)
                .findFirst()
                .orElse("none");
        String jdk = System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ", "
                + System.getProperty("java.vm.name") + ")";
        return new Machine(
                model,
                cpus,
                coresPerSocket > 0 && sockets > 0 ? coresPerSocket * sockets : cpus,
                memKb / 1024,
                read("/proc/sys/kernel/osrelease").trim(),
                String.join(" ", Arrays.asList(read("/proc/loadavg").split(" ")).subList(0, 3)),
                hypervisor,
                jdk);
    }

    public JsonObject toJson() {
        return new JsonObject()
                .put("cpu_model", cpuModel)
                .put("cpus", cpus)
                .put("cores", cores)
                .put("mem_total_mb", memTotalMb)
                .put("kernel", kernel)
                .put("load_average_at_start", loadAverage)
                .put("hypervisor", hypervisor)
                .put("jdk", jdk);
    }

    private static long lscpuNumber(List<String> lscpu, String key) {
        return lscpu.stream()
                .filter(l -> l.startsWith(key))
                .map(Machine::value)
                .filter(v -> v.matches("\\d+"))
                .mapToLong(Long::parseLong)
                .findFirst()
                .orElse(0);
    }

    private static String value(String line) {
        return line.substring(line.indexOf(':') + 1).trim();
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            return "";
        }
    }
}
