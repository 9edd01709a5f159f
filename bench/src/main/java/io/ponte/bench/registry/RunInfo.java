package io.ponte.bench.registry;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/** Where and on what a run happened: machine, JDK, PostgreSQL and its settings, commit, command lines. */
record RunInfo(
        String date,
        String cpuModel,
        int cpus,
        long memTotalMb,
        String kernel,
        String loadAverage,
        String jdk,
        String httpClient,
        String postgres,
        Map<String, String> postgresSettings,
        String commit,
        String branch,
        boolean dirty,
        Map<String, String> commandLines) {

    private static final Pattern SECRET = Pattern.compile("(?i)((?:token|secret|password)[^=\\s]*(?:=| ))(?!-)\\S+");
    private static final Pattern CLASS_PATH = Pattern.compile("(-cp|-classpath|--class-path) \\S+");
    private static final String[] SETTINGS = {
        "shared_buffers", "work_mem", "effective_cache_size", "random_page_cost", "jit", "max_connections"
    };

    static RunInfo collect(Path repo, JdbcBaseline db, Map<String, Long> processes, String httpClient)
            throws SQLException {
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
        String postgres;
        Map<String, String> settings = new LinkedHashMap<>();
        try (Statement s = db.connection().createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT version()")) {
                rs.next();
                postgres = rs.getString(1);
            }
            for (String name : SETTINGS) {
                try (ResultSet rs = s.executeQuery("SHOW " + name)) {
                    rs.next();
                    settings.put(name, rs.getString(1));
                }
            }
        }
        Map<String, String> cmds = new LinkedHashMap<>();
        processes.forEach((name, pid) -> {
            String cmd = SECRET.matcher(Cpu.cmdline(pid)).replaceAll("$1***");
            cmds.put(name, CLASS_PATH.matcher(cmd).replaceAll("$1 …"));
        });
        String commit = git(repo, "rev-parse", "--short", "HEAD");
        return new RunInfo(
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                model,
                cpus,
                memKb / 1024,
                read("/proc/sys/kernel/osrelease").trim(),
                String.join(
                        " ",
                        java.util.Arrays.asList(read("/proc/loadavg").split(" "))
                                .subList(0, 3)),
                jdk,
                httpClient,
                postgres,
                settings,
                commit.isEmpty() ? "unknown" : commit,
                git(repo, "rev-parse", "--abbrev-ref", "HEAD"),
                !git(repo, "status", "--porcelain").isEmpty(),
                cmds);
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
                .put("http_client", httpClient)
                .put("postgres", postgres)
                .put("postgres_settings", new JsonObject(new LinkedHashMap<>(postgresSettings)))
                .put("commit", commit)
                .put("branch", branch)
                .put("dirty", dirty)
                .put("command_lines", new JsonObject(new LinkedHashMap<>(commandLines)));
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            return "";
        }
    }

    /** What git printed, trimmed; empty when it cannot run. */
    private static String git(Path repo, String... args) {
        String[] command = new String[args.length + 3];
        command[0] = "git";
        command[1] = "-C";
        command[2] = repo.toString();
        System.arraycopy(args, 0, command, 3, args.length);
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            p.waitFor(10, TimeUnit.SECONDS);
            return p.exitValue() == 0 ? new String(out, StandardCharsets.UTF_8).trim() : "";
        } catch (IOException | IllegalThreadStateException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
