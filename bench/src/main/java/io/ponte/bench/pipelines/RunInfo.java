package io.ponte.bench.pipelines;

import io.ponte.bench.common.Git;
import io.ponte.bench.common.Machine;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/** Where and on what a run happened: machine, JDK, JVM flags, PostgreSQL and its durability settings, commit. */
record RunInfo(
        String date,
        Machine machine,
        String jvmArguments,
        String postgres,
        Map<String, String> postgresSettings,
        Git git) {

    private static final String[] SETTINGS = {"shared_buffers", "synchronous_commit", "fsync", "wal_level", "jit"};

    static RunInfo collect(Path repo, BenchDatabase.Server server) throws SQLException {
        String postgres;
        Map<String, String> settings = new LinkedHashMap<>();
        try (Connection c = BenchDatabase.connect(server, "postgres");
                Statement s = c.createStatement()) {
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
        return new RunInfo(
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                Machine.collect(),
                String.join(
                        " ",
                        java.lang.management.ManagementFactory.getRuntimeMXBean()
                                .getInputArguments()),
                postgres,
                settings,
                Git.of(repo));
    }

    /** "PostgreSQL 15.20" out of the long version string. */
    String postgresShort() {
        String[] words = postgres.split(" ");
        return words.length >= 2 ? words[0] + " " + words[1] : postgres;
    }

    JsonObject toJson() {
        return new JsonObject()
                .put("date", date)
                .put("machine", machine.toJson())
                .put("jvm_arguments", jvmArguments)
                .put("postgres", postgres)
                .put("postgres_settings", new JsonObject(new LinkedHashMap<>(postgresSettings)))
                .put("git", git.toJson());
    }
}
