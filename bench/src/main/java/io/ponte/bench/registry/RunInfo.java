package io.ponte.bench.registry;

import io.ponte.bench.common.Cpu;
import io.ponte.bench.common.Git;
import io.ponte.bench.common.Machine;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
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
        Machine machine = Machine.collect();
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
        Git git = Git.of(repo);
        return new RunInfo(
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                machine.cpuModel(),
                machine.cpus(),
                machine.memTotalMb(),
                machine.kernel(),
                machine.loadAverage(),
                machine.jdk(),
                httpClient,
                postgres,
                settings,
                git.commit(),
                git.branch(),
                git.dirty(),
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
}
