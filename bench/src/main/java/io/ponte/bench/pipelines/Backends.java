package io.ponte.bench.pipelines;

import io.ponte.bench.common.Cpu;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU of the PostgreSQL backends serving one database, from {@code /proc}: the server is shared with other programs
 * (other services' tests), so the postmaster's whole process tree would count their work too. Background processes
 * (WAL writer, checkpointer) are not counted.
 */
final class Backends {

    private Backends() {}

    /** CPU ms so far of each backend connected to the database now (the harness's own query connection excluded). */
    static Map<Long, Double> snapshot(BenchDatabase db) {
        Map<Long, Double> out = new HashMap<>();
        try (Connection c = db.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT pid FROM pg_stat_activity"
                        + " WHERE datname = current_database() AND pid <> pg_backend_pid()")) {
            while (rs.next()) {
                long pid = rs.getLong(1);
                out.put(pid, Cpu.processCpuMs(pid));
            }
        } catch (SQLException e) {
            // unknown: no backends counted
        }
        return out;
    }

    /** CPU ms spent between two snapshots (a backend first seen in {@code after} counts from zero). */
    static double between(Map<Long, Double> before, Map<Long, Double> after) {
        double ms = 0;
        for (var e : after.entrySet()) {
            double now = e.getValue();
            if (!Double.isNaN(now)) {
                ms += now - before.getOrDefault(e.getKey(), 0.0);
            }
        }
        return ms;
    }
}
