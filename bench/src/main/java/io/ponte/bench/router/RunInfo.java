package io.ponte.bench.router;

import io.ponte.bench.router.ProcStats.Proc;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Where and on what a run happened: machine, JDK, nginx, commit, date, observed command lines. */
record RunInfo(
        String date,
        String cpuModel,
        int cpus,
        long memTotalMb,
        String kernel,
        String loadAverage,
        String jdk,
        String clientTransport,
        String nginx,
        String commit,
        boolean dirty,
        Map<String, String> commandLines) {

    private static final Pattern SECRET = Pattern.compile("(?i)((?:key|secret|token|password)[^=\\s]*=)\\S+");
    private static final Pattern CLASS_PATH = Pattern.compile("(-cp|-classpath|--class-path) \\S+");

    static RunInfo collect(Path repo, String nginxBin, boolean withNginx, List<Proc> procs, String transport) {
        String cpuinfo = read("/proc/cpuinfo");
        String model = cpuinfo.lines()
                .filter(l -> l.startsWith("model name"))
                .map(l -> l.substring(l.indexOf(':') + 1).trim())
                .findFirst()
                .orElse("unknown");
        int cpus = (int) cpuinfo.lines().filter(l -> l.startsWith("processor")).count();
        long memKb = read("/proc/meminfo")
                .lines()
                .filter(l -> l.startsWith("MemTotal:"))
                .mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", "")))
                .findFirst()
                .orElse(0);
        String jdk = System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ", "
                + System.getProperty("java.vm.name") + ")";
        String nginx = withNginx ? Shell.firstLine(nginxBin, "-v").replace("nginx version: ", "") : "not used";
        String commit = Shell.firstLine("git", "-C", repo.toString(), "rev-parse", "--short", "HEAD");
        boolean dirty = !Shell.output("git", "-C", repo.toString(), "status", "--porcelain")
                .isEmpty();
        Map<String, String> cmds = new LinkedHashMap<>();
        for (Proc p : procs) {
            String cmd = SECRET.matcher(ProcStats.cmdline(p.pid())).replaceAll("$1***");
            cmds.put(p.name(), CLASS_PATH.matcher(cmd).replaceAll("$1 …"));
        }
        return new RunInfo(
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                model,
                cpus,
                memKb / 1024,
                read("/proc/sys/kernel/osrelease").trim(),
                String.join(" ", Arrays.asList(read("/proc/loadavg").split(" ")).subList(0, 3)),
                jdk,
                transport,
                nginx,
                commit.isEmpty() ? "unknown" : commit,
                dirty,
                cmds);
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            return "";
        }
    }

    JsonObject toJson() {
        return new JsonObject()
                .put("date", date)
                .put("cpu_model", cpuModel)
                .put("cpus", cpus)
                .put("mem_total_mb", memTotalMb)
                .put("kernel", kernel)
                .put("load_average_at_start", loadAverage)
                .put("jdk", jdk)
                .put("client_transport", clientTransport)
                .put("nginx", nginx)
                .put("commit", commit)
                .put("dirty", dirty)
                .put("command_lines", new JsonObject(new LinkedHashMap<>(commandLines)));
    }
}
